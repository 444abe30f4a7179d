using Azure;
using Azure.Data.Tables;

namespace LinX.Bench.Harness;

/// <summary>
/// Reads a host's storage directly (an uncounted client): every row of its LinX tables and its durable instances
/// table, for "nothing written" checks, and the records each workflow created, for "nothing twice" checks.
/// </summary>
public sealed class StorageScan(HostSettings settings)
{
    private static readonly string[] LinXTables = ["Workflows", "LinkTokens", "Customers", "FinancialAccounts", "Transactions", "Notifications", "Businesses", "ApiKeys"];

    private readonly TableServiceClient _service = new(settings.ConnectionString);

    /// <summary>Every table of this host: the LinX tables and the task hub's instances table.</summary>
    public IEnumerable<string> Tables => LinXTables.Select(t => settings.TablePrefix + t).Append(settings.TaskHub + "Instances");

    /// <summary>Every row of every table as "table|partition|row|etag" (a missing table is empty).</summary>
    public async Task<IReadOnlySet<string>> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            await foreach (var row in QueryAsync(table, null, ["PartitionKey", "RowKey"], cancellationToken))
            {
                rows.Add($"{table}|{row.PartitionKey}|{row.RowKey}|{row.ETag}");
            }
        }

        return rows;
    }

    /// <summary>How many rows of a LinX table (<c>Customers</c>, ...) name each workflow in <paramref name="property"/>.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByWorkflowAsync(string table, string property, CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        await foreach (var row in QueryAsync(settings.TablePrefix + table, null, [property], cancellationToken))
        {
            if (row.TryGetValue(property, out var value) && value is not null)
            {
                var key = value is Guid g ? g.ToString("D") : value.ToString()!;
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts;
    }

    private async IAsyncEnumerable<TableEntity> QueryAsync(
        string table, string? filter, IEnumerable<string> select, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = _service.GetTableClient(table);
        var pages = client.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: select, cancellationToken: cancellationToken).AsPages();
        await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                yield break;
            }

            foreach (var row in enumerator.Current.Values)
            {
                yield return row;
            }
        }
    }
}
