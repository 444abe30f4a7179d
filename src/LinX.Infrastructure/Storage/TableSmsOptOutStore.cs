using Azure.Data.Tables;
using LinX.Core.Security;
using LinX.Core.SmsOptOuts;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// Opt-outs: PK = business id, RK = the opt-out's id, a keyed hash of (business, number), so that the same number has
/// unrelated ids at two businesses and no id reveals it; the number itself only encrypted. "Last texted by": PK
/// <c>texted</c>, RK = a keyed hash of the number. Handled inbound messages: PK <c>inbound</c>, RK = SHA-256 of the
/// provider's message id (any characters, so never a key itself).
/// </summary>
internal sealed class TableSmsOptOutStore : ISmsOptOutStore
{
    private const string TextedPartition = "texted";
    private const string InboundPartition = "inbound";

    private readonly TableClient _table;
    private readonly LinXCrypto _crypto;

    public TableSmsOptOutStore(TableStorage storage, LinXCrypto crypto)
    {
        _table = storage.SmsOptOuts;
        _crypto = crypto;
    }

    public async Task<bool> IsOptedOutAsync(Guid businessId, string e164, CancellationToken cancellationToken) =>
        (await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(businessId), Id(businessId, e164), ["RowKey"], cancellationToken)).HasValue;

    public async Task<(SmsOptOut OptOut, bool Created)> AddAsync(
        Guid businessId, string e164, SmsOptOutSource source, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var id = Id(businessId, e164);
        var row = new TableEntity(TableKeys.Of(businessId), id)
        {
            ["EncryptedPhoneNumber"] = _crypto.Encrypt(e164, Context(id)),
            ["Source"] = source.ToString(),
            ["OptedOutAt"] = at,
        };
        if (await TableKeys.TryAddAsync(_table, row, cancellationToken))
        {
            return (ToOptOut(row), true);
        }

        var existing = await _table.GetEntityAsync<TableEntity>(TableKeys.Of(businessId), id, cancellationToken: cancellationToken);
        return (ToOptOut(existing.Value), false);
    }

    public async Task<bool> RemoveAsync(Guid businessId, string id, CancellationToken cancellationToken)
    {
        if (!SmsOptOut.IsId(id))
        {
            return false;
        }

        var response = await _table.DeleteEntityAsync(TableKeys.Of(businessId), id, cancellationToken: cancellationToken);
        return response.Status != 404;
    }

    public Task<bool> RemoveNumberAsync(Guid businessId, string e164, CancellationToken cancellationToken) =>
        RemoveAsync(businessId, Id(businessId, e164), cancellationToken);

    public async Task<SmsOptOutPage> ListAsync(Guid businessId, int size, string? pageToken, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Of(businessId);
        var filter = SmsOptOut.IsId(pageToken)
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {pageToken}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var items = new List<SmsOptOut>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: size + 1, cancellationToken: cancellationToken))
        {
            if (items.Count == size)
            {
                return new SmsOptOutPage(items, items[^1].Id);
            }

            items.Add(ToOptOut(row));
        }

        return new SmsOptOutPage(items, null);
    }

    public Task RecordTextedAsync(Guid businessId, string e164, DateTimeOffset at, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(
            new TableEntity(TextedPartition, NumberKey(e164)) { ["BusinessId"] = businessId, ["TextedAt"] = at },
            TableUpdateMode.Replace,
            cancellationToken);

    public async Task<Guid?> LastTextedByAsync(string e164, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TextedPartition, NumberKey(e164), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? e.GetGuid("BusinessId") : null;
    }

    public async Task<bool> WasHandledAsync(string messageId, CancellationToken cancellationToken) =>
        (await _table.GetEntityIfExistsAsync<TableEntity>(InboundPartition, Hashing.Sha256Hex(messageId), ["RowKey"], cancellationToken)).HasValue;

    public Task MarkHandledAsync(string messageId, DateTimeOffset at, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(InboundPartition, Hashing.Sha256Hex(messageId)) { ["HandledAt"] = at }, cancellationToken: cancellationToken);

    private string Id(Guid businessId, string e164) => _crypto.Fingerprint("sms-opt-out:" + TableKeys.Of(businessId), e164);

    private string NumberKey(string e164) => _crypto.Fingerprint("sms-last-texted", e164);

    private static string Context(string id) => "sms-opt-out:" + id;

    private SmsOptOut ToOptOut(TableEntity e) => new(
        e.RowKey,
        Guid.Parse(e.PartitionKey),
        _crypto.Decrypt(e.GetString("EncryptedPhoneNumber") ?? string.Empty, Context(e.RowKey)),
        Enum.TryParse<SmsOptOutSource>(e.GetString("Source"), out var source) ? source : SmsOptOutSource.Api,
        e.GetDateTimeOffset("OptedOutAt") ?? DateTimeOffset.MinValue);
}
