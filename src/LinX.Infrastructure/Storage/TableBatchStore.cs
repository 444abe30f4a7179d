using Azure;
using Azure.Data.Tables;
using LinX.Core.Batches;
using LinX.Core.Common;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// Batches: PK = business id, RK = batch id, with the idempotency row (RK = <c>idem-{sha256(key)}</c>) written in the
/// same transaction. Entries and counters are in <see cref="TableBatchEntries"/> (PK = batch id), written before the
/// batch row, which is the commit point of a create.
/// </summary>
internal sealed class TableBatchStore : IBatchStore
{
    private const string BatchKind = "batch";
    private const string IdempotencyKind = "idempotency";
    private const int MaxConcurrencyRetries = 10;

    private readonly TableClient _table;
    private readonly TableBatchEntries _entries;
    private readonly TimeProvider _time;

    public TableBatchStore(TableStorage storage, TimeProvider time)
    {
        _table = storage.Batches;
        _entries = new TableBatchEntries(storage.BatchEntries);
        _time = time;
    }

    public async Task<BatchCreateResult> CreateAsync(BatchRecord batch, IReadOnlyList<string> encryptedEntries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await _entries.WriteNewAsync(batch.BatchId, encryptedEntries, cancellationToken);
        var business = TableKeys.Of(batch.BusinessId);
        try
        {
            await _table.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.Add, ToEntity(batch)),
                    new(TableTransactionActionType.Add, new TableEntity(business, IdempotencyRowKey(batch.IdempotencyKeyHash))
                    {
                        ["Kind"] = IdempotencyKind,
                        ["BatchId"] = batch.BatchId,
                    }),
                ],
                cancellationToken);
            return new BatchCreateResult(true, batch);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            var existing = await FindByIdempotencyKeyAsync(batch.BusinessId, batch.IdempotencyKeyHash, cancellationToken);
            return new BatchCreateResult(false, existing ?? throw new InvalidOperationException("Conflicting batch not found.", e));
        }
    }

    public async Task<BatchRecord?> GetAsync(Guid businessId, Guid batchId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(businessId), TableKeys.Of(batchId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e && e.GetString("Kind") == BatchKind ? ToRecord(e) : null;
    }

    public async Task<BatchRecord?> FindByIdempotencyKeyAsync(Guid businessId, string idempotencyKeyHash, CancellationToken cancellationToken)
    {
        var index = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(businessId), IdempotencyRowKey(idempotencyKeyHash), cancellationToken: cancellationToken);
        return index.HasValue && index.Value?.GetGuid("BatchId") is { } batchId ? await GetAsync(businessId, batchId, cancellationToken) : null;
    }

    /// <summary>A business has few batches next to its workflows: its partition is read and sorted here.</summary>
    public async Task<ResultPage<BatchRecord>> ListAsync(Guid businessId, BatchStatus? status, int page, int size, CancellationToken cancellationToken)
    {
        var filter = status is { } s
            ? TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Of(businessId)} and Kind eq {BatchKind} and Status eq {s.ToString()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Of(businessId)} and Kind eq {BatchKind}");
        var all = new List<BatchRecord>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            all.Add(ToRecord(row));
        }

        return ResultPage.Of(all.OrderByDescending(b => b.CreatedAt).ThenBy(b => b.BatchId), all.Count, page, size);
    }

    public async Task<bool> TrySetStatusAsync(Guid businessId, Guid batchId, IReadOnlyCollection<BatchStatus> from, BatchStatus to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(businessId), TableKeys.Of(batchId), cancellationToken: cancellationToken);
            if (!row.HasValue || row.Value is not { } entity || !from.Contains(Enum.Parse<BatchStatus>(entity.GetString("Status"))))
            {
                return false;
            }

            var change = new TableEntity(entity.PartitionKey, entity.RowKey) { ["Status"] = to.ToString(), ["UpdatedAt"] = _time.GetUtcNow() };
            try
            {
                await _table.UpdateEntityAsync(change, entity.ETag, TableUpdateMode.Merge, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (TableKeys.IsPreconditionFailed(e))
            {
                // Changed meanwhile: read again.
            }
        }

        throw new InvalidOperationException("The batch kept changing; its status was not set.");
    }

    public Task<BatchCounts> GetCountsAsync(Guid batchId, CancellationToken cancellationToken) => _entries.CountsAsync(batchId, cancellationToken);

    public Task<IReadOnlyList<BatchEntryRecord>> GetEntriesAsync(Guid batchId, int from, int count, CancellationToken cancellationToken) =>
        _entries.RangeAsync(batchId, from, count, cancellationToken);

    public Task<ResultPage<BatchEntryRecord>> ListEntriesAsync(Guid batchId, BatchEntryStatus? status, int page, int size, CancellationToken cancellationToken) =>
        _entries.ListAsync(batchId, status, page, size, cancellationToken);

    public Task<BatchEntryRecord?> UpdateEntryAsync(Guid batchId, int position, Func<BatchEntryRecord, BatchEntryRecord?> change, CancellationToken cancellationToken) =>
        _entries.UpdateAsync(batchId, position, change, cancellationToken);

    private static string IdempotencyRowKey(string keyHash) => "idem-" + keyHash;

    private static TableEntity ToEntity(BatchRecord b) => new(TableKeys.Of(b.BusinessId), TableKeys.Of(b.BatchId))
    {
        ["Kind"] = BatchKind,
        ["Status"] = b.Status.ToString(),
        ["TemplateId"] = b.Template.TemplateId,
        ["TemplateVersionId"] = b.Template.TemplateVersionId,
        ["TemplateVersion"] = b.Template.TemplateVersion,
        ["TemplateDisplayName"] = b.Template.TemplateDisplayName,
        ["EntryCount"] = b.EntryCount,
        ["IdempotencyKeyHash"] = b.IdempotencyKeyHash,
        ["RequestHash"] = b.RequestHash,
        ["CreatedAt"] = b.CreatedAt,
        ["UpdatedAt"] = b.UpdatedAt,
    };

    private static BatchRecord ToRecord(TableEntity e) => new()
    {
        BatchId = Guid.Parse(e.RowKey),
        BusinessId = Guid.Parse(e.PartitionKey),
        Status = Enum.Parse<BatchStatus>(e.GetString("Status")),
        Template = new BatchTemplateRef(
            e.GetGuid("TemplateId") ?? Guid.Empty, e.GetGuid("TemplateVersionId") ?? Guid.Empty, e.GetInt32("TemplateVersion") ?? 0, e.GetString("TemplateDisplayName") ?? string.Empty),
        EntryCount = e.GetInt32("EntryCount") ?? 0,
        IdempotencyKeyHash = e.GetString("IdempotencyKeyHash") ?? string.Empty,
        RequestHash = e.GetString("RequestHash") ?? string.Empty,
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
    };
}
