using Azure.Data.Tables;
using LinX.Core.Workflows;

namespace LinX.Infrastructure.Storage;

/// <summary>Link tokens: PK = SHA-256 hex of the token, RK empty. The token itself is never stored.</summary>
internal sealed class TableLinkTokenStore : ILinkTokenStore
{
    private readonly TableClient _table;

    public TableLinkTokenStore(TableStorage storage)
    {
        _table = storage.LinkTokens;
    }

    public Task PutAsync(LinkTokenEntry entry, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(
            new TableEntity(entry.TokenHash, string.Empty) { ["BusinessId"] = entry.BusinessId, ["WorkflowId"] = entry.WorkflowId },
            TableUpdateMode.Replace,
            cancellationToken);

    public async Task<LinkTokenEntry?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(tokenHash, string.Empty, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e && e.GetGuid("BusinessId") is { } businessId && e.GetGuid("WorkflowId") is { } workflowId
            ? new LinkTokenEntry(tokenHash, businessId, workflowId)
            : null;
    }
}
