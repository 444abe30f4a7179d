using Azure;
using Azure.Data.Tables;
using LinX.Core.Accounts;
using LinX.Core.Workflows;

namespace LinX.Infrastructure.Storage;

/// <summary>Financial accounts: PK = business id, RK = account id, owner customer id as a column. No numbers stored.</summary>
internal sealed class TableFinancialAccountStore : IFinancialAccountStore
{
    private readonly TableClient _table;

    public TableFinancialAccountStore(TableStorage storage)
    {
        _table = storage.FinancialAccounts;
    }

    public async Task<FinancialAccount?> GetAsync(Guid businessId, Guid financialAccountId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(businessId), TableKeys.Of(financialAccountId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? ToAccount(e) : null;
    }

    /// <summary>
    /// One partition query, of the business's customers' accounts too: Table Storage cannot filter on a missing column
    /// (a business account has no CustomerId), so those are dropped here, after only the CustomerId column was read.
    /// </summary>
    public async Task<IReadOnlyList<FinancialAccount>> ListBusinessAccountsAsync(Guid businessId, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Of(businessId)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey", "CustomerId"], cancellationToken: cancellationToken))
        {
            if (row.GetGuid("CustomerId") is null)
            {
                ids.Add(Guid.Parse(row.RowKey));
            }
        }

        var accounts = await Task.WhenAll(ids.Select(id => GetAsync(businessId, id, cancellationToken)));
        return [.. accounts.OfType<FinancialAccount>().OrderBy(a => a.CreatedAt)];
    }

    public async Task<FinancialAccount> CreateAsync(FinancialAccount account, CancellationToken cancellationToken) =>
        await TableKeys.TryAddAsync(_table, ToEntity(account), cancellationToken)
            ? account
            : (await GetAsync(account.BusinessId, account.FinancialAccountId, cancellationToken))!;

    private static TableEntity ToEntity(FinancialAccount a) => new(TableKeys.Of(a.BusinessId), TableKeys.Of(a.FinancialAccountId))
    {
        ["CustomerId"] = a.CustomerId,
        ["SubType"] = a.SubType.ToString(),
        ["Brand"] = a.Brand,
        ["Last4"] = a.Last4,
        ["Expiry"] = a.Expiry,
        ["RoutingNumber"] = a.RoutingNumber,
        ["Fingerprint"] = a.Fingerprint,
        ["ProcessorToken"] = a.ProcessorToken,
        ["HolderName"] = a.HolderName,
        ["SourceWorkflowId"] = a.SourceWorkflowId,
        ["CreatedAt"] = a.CreatedAt,
    };

    private static FinancialAccount ToAccount(TableEntity e) => new(
        Guid.Parse(e.RowKey),
        Guid.Parse(e.PartitionKey),
        e.GetGuid("CustomerId"),
        Enum.Parse<FinancialAccountSubType>(e.GetString("SubType") ?? nameof(FinancialAccountSubType.Debit)),
        e.GetString("Brand"),
        e.GetString("Last4") ?? string.Empty,
        e.GetString("Expiry"),
        e.GetString("RoutingNumber"),
        e.GetString("Fingerprint") ?? string.Empty,
        e.GetString("ProcessorToken"),
        e.GetString("HolderName") ?? string.Empty,
        e.GetGuid("SourceWorkflowId"),
        e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue);
}
