using Azure.Data.Tables;
using LinX.Core.Templates;
using LinX.Core.Workflows;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// The usage counters of template versions (ADR 0021): rows of the Workflows table, in the business's partition, so that
/// a counter changes in the SAME entity-group transaction as the workflow row it counts (created, or ended): a retried
/// activity or create can neither count twice nor miss one. Each version has <see cref="Shards"/> rows (RK
/// <c>tplstat-{templateId}-{versionId}-{shard}</c>, the shard chosen by the workflow id) so that concurrent creates
/// from one template (a batch) rarely contend for one row; reading sums a handful of rows, never the workflows.
/// </summary>
internal static class TemplateUsageCounters
{
    public const string Kind = "template-usage";
    public const int Shards = 8;

    private const string Prefix = "tplstat-";

    /// <summary>
    /// The transaction action that adds <paramref name="workflows"/> and <paramref name="active"/> to the shard of
    /// <paramref name="workflowId"/> (read now, written with its ETag: a concurrent change fails the transaction, which
    /// the caller retries), and moves its last execution to <paramref name="executedAt"/> when given.
    /// </summary>
    public static async Task<TableTransactionAction> ChangeAsync(
        TableClient table, Guid businessId, TemplateReference template, Guid workflowId, int workflows, int active,
        DateTimeOffset? executedAt, CancellationToken cancellationToken)
    {
        var rowKey = RowKey(template, workflowId.ToByteArray()[0] % Shards);
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(businessId), rowKey, cancellationToken: cancellationToken);
        var row = existing.HasValue ? existing.Value! : new TableEntity(TableKeys.Of(businessId), rowKey)
        {
            ["Kind"] = Kind,
            ["TemplateVersionId"] = template.TemplateVersionId,
            ["Workflows"] = 0,
            ["Active"] = 0,
        };
        row["Workflows"] = (row.GetInt32("Workflows") ?? 0) + workflows;
        row["Active"] = (row.GetInt32("Active") ?? 0) + active;
        if (executedAt is { } at && !(row.GetDateTimeOffset("LastExecutedAt") > at))
        {
            row["LastExecutedAt"] = at;
        }

        return existing.HasValue
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, row.ETag)
            : new TableTransactionAction(TableTransactionActionType.Add, row);
    }

    /// <summary>The change of the active count when a workflow goes from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static int ActiveDelta(WorkflowStatus before, WorkflowStatus after) => (after.IsOpen() ? 1 : 0) - (before.IsOpen() ? 1 : 0);

    /// <summary>The counters of <paramref name="templateVersionId"/> and of all versions of <paramref name="templateId"/>.</summary>
    public static async Task<TemplateStats> ReadAsync(
        TableClient table, Guid businessId, Guid templateId, Guid templateVersionId, CancellationToken cancellationToken)
    {
        var from = Prefix + TableKeys.Of(templateId) + "-";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Of(businessId)} and RowKey ge {from} and RowKey lt {from[..^1] + "."}");
        int all = 0, allActive = 0, current = 0, currentActive = 0;
        DateTimeOffset? allLast = null, currentLast = null;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var workflows = row.GetInt32("Workflows") ?? 0;
            var active = row.GetInt32("Active") ?? 0;
            var last = row.GetDateTimeOffset("LastExecutedAt");
            all += workflows;
            allActive += active;
            allLast = Later(allLast, last);
            if (row.GetGuid("TemplateVersionId") == templateVersionId)
            {
                current += workflows;
                currentActive += active;
                currentLast = Later(currentLast, last);
            }
        }

        return new TemplateStats(allActive, all, allLast, currentActive, current, currentLast);
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null || b > a ? b : a;

    private static string RowKey(TemplateReference template, int shard) =>
        $"{Prefix}{TableKeys.Of(template.TemplateId)}-{TableKeys.Of(template.TemplateVersionId)}-{shard}";
}
