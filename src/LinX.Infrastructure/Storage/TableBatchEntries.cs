using System.Globalization;
using Azure.Data.Tables;
using LinX.Core.Batches;
using LinX.Core.Common;
using LinX.Core.Workflows;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// A batch's entries and counters, in one partition (PK = batch id): entries at RK <c>e-{position:D5}</c>, and
/// <see cref="Shards"/> counter rows at RK <c>n-{shard:D2}</c> (an entry counts in shard position mod <see cref="Shards"/>).
/// An entry and its shard change in one entity-group transaction guarded by both ETags, so the counters always add up
/// the entries, and a batch's counts are <see cref="Shards"/> rows to read whatever its size; sharding keeps the
/// workflows of one batch, which change status at the same time, from all contending for one row (ADR 0022).
/// </summary>
internal sealed class TableBatchEntries
{
    /// <summary>Counter rows per batch.</summary>
    public const int Shards = 16;

    private const int MaxConcurrencyRetries = 30;
    private const int RowsPerTransaction = 100;
    private const string Rejected = nameof(Rejected);
    private const string Started = nameof(Started);
    private const string CancelledBeforeStart = nameof(CancelledBeforeStart);

    private readonly TableClient _table;

    public TableBatchEntries(TableClient table)
    {
        _table = table;
    }

    /// <summary>Writes every entry PENDING and zeroed counters (replacing what a create that stopped half-way wrote).</summary>
    public async Task WriteNewAsync(Guid batchId, IReadOnlyList<string> encryptedEntries, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Of(batchId);
        var rows = encryptedEntries.Select((entry, i) => ToEntity(partition, new BatchEntryRecord { Position = i, Status = BatchEntryStatus.Pending, EncryptedEntry = entry }))
            .Concat(Enumerable.Range(0, Shards).Select(shard => new TableEntity(partition, ShardKey(shard))));
        await Parallel.ForEachAsync(
            rows.Chunk(RowsPerTransaction),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (chunk, ct) => await _table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct));
    }

    public async Task<BatchCounts> CountsAsync(Guid batchId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Of(batchId)} and RowKey ge {"n-"} and RowKey lt {"n."}");
        int rejected = 0, started = 0, cancelled = 0;
        var workflows = new Dictionary<WorkflowStatus, int>();
        await foreach (var shard in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rejected += shard.GetInt32(Rejected) ?? 0;
            started += shard.GetInt32(Started) ?? 0;
            cancelled += shard.GetInt32(CancelledBeforeStart) ?? 0;
            foreach (var status in Enum.GetValues<WorkflowStatus>())
            {
                workflows[status] = workflows.GetValueOrDefault(status) + (shard.GetInt32(Column(status)) ?? 0);
            }
        }

        return new BatchCounts(rejected, started, cancelled, workflows);
    }

    public async Task<IReadOnlyList<BatchEntryRecord>> RangeAsync(Guid batchId, int from, int count, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Of(batchId)} and RowKey ge {EntryKey(from)} and RowKey le {EntryKey(from + count - 1)}");
        var entries = new List<BatchEntryRecord>(count);
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(ToRecord(row));
        }

        return entries;
    }

    /// <summary>Reads only the keys (and status) of the matching entries, then the page's entries in full.</summary>
    public async Task<ResultPage<BatchEntryRecord>> ListAsync(Guid batchId, BatchEntryStatus? status, int page, int size, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Of(batchId);
        var filter = status is { } s
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"e-"} and RowKey lt {"e."} and Status eq {s.ToString()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"e-"} and RowKey lt {"e."}");
        var keys = new List<string>();
        var total = 0;
        var skip = (page - 1L) * size;
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (total >= skip && keys.Count < size)
            {
                keys.Add(row.RowKey);
            }

            total++;
        }

        var rows = await Task.WhenAll(keys.Select(key => _table.GetEntityIfExistsAsync<TableEntity>(partition, key, cancellationToken: cancellationToken)));
        return new ResultPage<BatchEntryRecord>([.. rows.Where(r => r.HasValue).Select(r => ToRecord(r.Value!))], page, size, total);
    }

    public async Task<BatchEntryRecord?> UpdateAsync(Guid batchId, int position, Func<BatchEntryRecord, BatchEntryRecord?> change, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Of(batchId);
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var entryRow = await _table.GetEntityIfExistsAsync<TableEntity>(partition, EntryKey(position), cancellationToken: cancellationToken);
            if (!entryRow.HasValue || entryRow.Value is not { } stored)
            {
                return null;
            }

            var before = ToRecord(stored);
            if (change(before) is not { } after || after == before)
            {
                return before;
            }

            var shardRow = await _table.GetEntityAsync<TableEntity>(partition, ShardKey(position % Shards), cancellationToken: cancellationToken);
            var shard = shardRow.Value;
            var delta = new TableEntity(partition, shard.RowKey);
            foreach (var (column, value) in Contributions(after).Concat(Contributions(before).Select(c => (c.Column, -c.Value))))
            {
                delta[column] = (delta.GetInt32(column) ?? shard.GetInt32(column) ?? 0) + value;
            }

            try
            {
                await _table.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(partition, after), stored.ETag),
                        new TableTransactionAction(TableTransactionActionType.UpdateMerge, delta, shard.ETag),
                    ],
                    cancellationToken);
                return after;
            }
            catch (TableTransactionFailedException e) when (e.Status == 412)
            {
                await Task.Delay(Random.Shared.Next(5, 20 + (attempt * 10)), cancellationToken); // contention on the shard: back off a little
            }
        }

        throw new InvalidOperationException("The batch entry kept changing; it was not updated.");
    }

    private static IEnumerable<(string Column, int Value)> Contributions(BatchEntryRecord entry)
    {
        switch (entry.Status)
        {
            case BatchEntryStatus.Rejected:
                yield return (Rejected, 1);
                break;
            case BatchEntryStatus.Cancelled:
                yield return (CancelledBeforeStart, 1);
                break;
            case BatchEntryStatus.Started:
                yield return (Started, 1);
                if (entry.WorkflowStatus is { } status)
                {
                    yield return (Column(status), 1);
                }

                break;
        }
    }

    private static string Column(WorkflowStatus status) => "Workflows" + status;

    private static string EntryKey(int position) => "e-" + position.ToString("D5", CultureInfo.InvariantCulture);

    private static string ShardKey(int shard) => "n-" + shard.ToString("D2", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(string partition, BatchEntryRecord e) => new(partition, EntryKey(e.Position))
    {
        ["Position"] = e.Position,
        ["Status"] = e.Status.ToString(),
        ["EncryptedEntry"] = e.EncryptedEntry,
        ["WorkflowId"] = e.WorkflowId,
        ["WorkflowStatus"] = e.WorkflowStatus?.ToString(),
        ["WorkflowVersion"] = e.WorkflowVersion,
        ["MaskedPhoneNumber"] = e.MaskedPhoneNumber,
        ["EncryptedFieldErrors"] = e.EncryptedFieldErrors,
    };

    private static BatchEntryRecord ToRecord(TableEntity e) => new()
    {
        Position = e.GetInt32("Position") ?? 0,
        Status = Enum.Parse<BatchEntryStatus>(e.GetString("Status")),
        EncryptedEntry = e.GetString("EncryptedEntry") ?? string.Empty,
        WorkflowId = e.GetGuid("WorkflowId"),
        WorkflowStatus = e.GetString("WorkflowStatus") is { } status ? Enum.Parse<WorkflowStatus>(status) : null,
        WorkflowVersion = e.GetInt64("WorkflowVersion") ?? 0,
        MaskedPhoneNumber = e.GetString("MaskedPhoneNumber"),
        EncryptedFieldErrors = e.GetString("EncryptedFieldErrors"),
    };
}
