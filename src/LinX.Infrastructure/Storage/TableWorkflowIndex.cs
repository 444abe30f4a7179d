using System.Globalization;
using Azure.Data.Tables;
using LinX.Core.Workflows;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// The workflows' search index (ADR 0023), a table of its own. Each workflow has, in each of its index partitions, two
/// rows: <c>d_{inverted creation ticks}_{workflow id}</c> (newest first) and <c>a_{creation ticks}_{workflow id}</c>
/// (oldest first), each with the workflow's <c>Status</c> and <c>TemplateId</c>. Partitions, per business:
/// <list type="bullet">
/// <item><c>{business}_all</c>: every workflow (the unfiltered list);</item>
/// <item><c>{business}_s_{STATUS}</c>: the workflows of a status (moved when the status changes);</item>
/// <item><c>{business}_t_{template id}</c>: the workflows of a template;</item>
/// <item><c>{business}_h_{keyed hash of a term}</c>: the workflows a search term finds (no personal data in any key or column).</item>
/// </list>
/// A search is a range read of one partition (keys only, 1,000 rows a request), filtered there by status or template,
/// and a point read per other term of a candidate: never a scan of the business's workflows.
/// </summary>
internal sealed class TableWorkflowIndex
{
    private const string NewestFirst = "d_";
    private const string OldestFirst = "a_";
    private const int RowsPerRequest = 1000;

    private readonly TableClient _table;

    public TableWorkflowIndex(TableClient table)
    {
        _table = table;
    }

    /// <summary>What an index row says of its workflow.</summary>
    public readonly record struct Entry(Guid BusinessId, Guid WorkflowId, DateTimeOffset CreatedAt, WorkflowStatus Status, Guid? TemplateId);

    /// <summary>A search's matches in order: the ids on the page asked for, and how many matched (up to the window).</summary>
    public sealed record Matches(IReadOnlyList<Guid> Page, int Total, bool TotalExact);

    /// <summary>Writes (replaces) the entry's rows in every partition it belongs to; idempotent.</summary>
    public Task WriteAsync(Entry entry, IReadOnlyList<string> terms, CancellationToken cancellationToken) =>
        Task.WhenAll(PartitionsOf(entry, terms).Select(partition => _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(partition, entry, ascending: false)),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(partition, entry, ascending: true)),
            ],
            cancellationToken)));

    /// <summary>
    /// Writes many entries' rows grouped by partition, up to 100 rows (the entity-group limit) a request: a bulk load
    /// costs about one request per 50 entries of a partition instead of one per entry and partition.
    /// </summary>
    public async Task WriteManyAsync(IEnumerable<(Entry Entry, IReadOnlyList<string> Terms)> entries, int parallelism, CancellationToken cancellationToken)
    {
        var batches = entries
            .SelectMany(e => PartitionsOf(e.Entry, e.Terms).SelectMany(partition => new[] { Row(partition, e.Entry, false), Row(partition, e.Entry, true) }))
            .GroupBy(row => row.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(100));
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (rows, ct) => await _table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct));
    }

    /// <summary>Takes the entry out of the partition of <paramref name="status"/> (a status it no longer has); idempotent.</summary>
    public async Task RemoveStatusAsync(Entry entry, WorkflowStatus status, CancellationToken cancellationToken)
    {
        var partition = StatusPartition(entry.BusinessId, status);
        await _table.DeleteEntityAsync(partition, RowKey(entry, ascending: false), cancellationToken: cancellationToken);
        await _table.DeleteEntityAsync(partition, RowKey(entry, ascending: true), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The matches of <paramref name="search"/> (not a workflow id search) in order, up to one past the result window:
    /// a range read of the most selective partition it names, and point reads for its other terms.
    /// </summary>
    public async Task<Matches> SearchAsync(Guid businessId, WorkflowSearch search, CancellationToken cancellationToken)
    {
        var (partition, byStatus, byTemplate) = search.Terms.Count > 0 ? (TermPartition(businessId, search.Terms[0]), true, true)
            : search.TemplateId is { } template ? (TemplatePartition(businessId, template), true, false)
            : search.Status is { } status ? (StatusPartition(businessId, status), false, false)
            : (AllPartition(businessId), false, false);
        var prefix = search.Ascending ? OldestFirst : NewestFirst;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {prefix} and RowKey lt {prefix[..^1] + "`"}");
        if (byStatus && search.Status is { } s)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {s.ToContractString()}");
        }

        if (byTemplate && search.TemplateId is { } t)
        {
            filter += " and " + TableClient.CreateQueryFilter($"TemplateId eq {TableKeys.Of(t)}");
        }

        var page = new List<Guid>(search.Size);
        var matched = 0;
        var examined = 0;
        await foreach (var rows in _table.QueryAsync<TableEntity>(filter, RowsPerRequest, ["RowKey"], cancellationToken).AsPages())
        {
            var kept = await Task.WhenAll(rows.Values.Select(row => MatchesOtherTermsAsync(businessId, row.RowKey, search.Terms, cancellationToken)));
            foreach (var rowKey in kept.OfType<string>())
            {
                if (matched >= search.Offset && page.Count < search.Size)
                {
                    page.Add(WorkflowIdOf(rowKey));
                }

                if (++matched > WorkflowSearch.MaxResultWindow)
                {
                    return new Matches(page, WorkflowSearch.MaxResultWindow, false);
                }
            }

            // With several terms each candidate costs a point read: they too stop at the window.
            examined += rows.Values.Count;
            if (search.Terms.Count > 1 && examined > WorkflowSearch.MaxResultWindow)
            {
                return new Matches(page, matched, false);
            }
        }

        return new Matches(page, matched, true);
    }

    // The row key of the candidate when its workflow also has a row for each term after the first.
    private async Task<string?> MatchesOtherTermsAsync(Guid businessId, string rowKey, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        foreach (var term in terms.Skip(1))
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(TermPartition(businessId, term), rowKey, ["RowKey"], cancellationToken);
            if (!row.HasValue)
            {
                return null;
            }
        }

        return rowKey;
    }

    private static IEnumerable<string> PartitionsOf(Entry entry, IReadOnlyList<string> terms)
    {
        yield return AllPartition(entry.BusinessId);
        yield return StatusPartition(entry.BusinessId, entry.Status);
        if (entry.TemplateId is { } template)
        {
            yield return TemplatePartition(entry.BusinessId, template);
        }

        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            yield return TermPartition(entry.BusinessId, term);
        }
    }

    private static TableEntity Row(string partition, Entry entry, bool ascending) => new(partition, RowKey(entry, ascending))
    {
        ["WorkflowId"] = entry.WorkflowId,
        ["Status"] = entry.Status.ToContractString(),
        ["TemplateId"] = entry.TemplateId is { } template ? TableKeys.Of(template) : null,
    };

    private static string RowKey(Entry entry, bool ascending)
    {
        var ticks = ascending ? entry.CreatedAt.UtcTicks : DateTimeOffset.MaxValue.UtcTicks - entry.CreatedAt.UtcTicks;
        return (ascending ? OldestFirst : NewestFirst) + ticks.ToString("D19", CultureInfo.InvariantCulture) + "_" + TableKeys.Of(entry.WorkflowId);
    }

    private static Guid WorkflowIdOf(string rowKey) => Guid.Parse(rowKey.AsSpan(rowKey.LastIndexOf('_') + 1));

    private static string AllPartition(Guid businessId) => TableKeys.Of(businessId) + "_all";

    private static string StatusPartition(Guid businessId, WorkflowStatus status) => TableKeys.Of(businessId) + "_s_" + status.ToContractString();

    private static string TemplatePartition(Guid businessId, Guid templateId) => TableKeys.Of(businessId) + "_t_" + TableKeys.Of(templateId);

    private static string TermPartition(Guid businessId, string termHash) => TableKeys.Of(businessId) + "_h_" + termHash;
}
