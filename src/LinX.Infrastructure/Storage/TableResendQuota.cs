using Azure;
using Azure.Data.Tables;
using LinX.Core.Management;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// Resends as insert-only rows of the consents table: PK = business id, RK = <c>{workflowId}:~resend:{minute}</c>.
/// One row a minute wins its insert; a resend also gives its row back when the minute before holds one less than
/// <see cref="IResendQuota.Interval"/> old, or when the last 24 hours already hold <see cref="IResendQuota.PerDay"/>.
/// </summary>
internal sealed class TableResendQuota : IResendQuota
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly TableClient _table;

    public TableResendQuota(TableStorage storage)
    {
        _table = storage.Consents;
    }

    public async Task<TimeSpan?> TryTakeAsync(Guid businessId, Guid workflowId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Of(businessId);
        var minute = now.ToUnixTimeSeconds() / 60;
        var own = new TableEntity(partition, RowKey(workflowId, minute)) { ["TakenAt"] = now };
        if (!await TableKeys.TryAddAsync(_table, own, cancellationToken))
        {
            // The holder may itself have been refused and given its row back meanwhile: then wait the interval.
            var taken = await _table.GetEntityIfExistsAsync<TableEntity>(own.PartitionKey, own.RowKey, cancellationToken: cancellationToken);
            return taken.HasValue && taken.Value is { } row ? Wait(row, IResendQuota.Interval, now) : IResendQuota.Interval;
        }

        var earlier = new List<DateTimeOffset>();
        var rows = _table.QueryAsync<TableEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(RowKey(workflowId, minute - (long)Day.TotalMinutes)) >= 0
                && e.RowKey.CompareTo(own.RowKey) < 0,
            cancellationToken: cancellationToken);
        await foreach (var row in rows)
        {
            if (row.GetDateTimeOffset("TakenAt") is { } at && now - at < Day)
            {
                earlier.Add(at);
            }
        }

        TimeSpan? wait = earlier.Count >= IResendQuota.PerDay ? earlier.Min() + Day - now
            : earlier.Count > 0 && now - earlier.Max() < IResendQuota.Interval ? earlier.Max() + IResendQuota.Interval - now
            : null;
        if (wait is not null)
        {
            await _table.DeleteEntityAsync(own, ETag.All, cancellationToken);
        }

        return wait;
    }

    private static string RowKey(Guid workflowId, long minute) => $"{TableKeys.Of(workflowId)}:~resend:{minute:D12}";

    // A concurrent caller's clock read may precede the winner's: never more than the interval itself.
    private static TimeSpan Wait(TableEntity taken, TimeSpan after, DateTimeOffset now) =>
        taken.GetDateTimeOffset("TakenAt") is { } at && at + after > now ? TimeSpan.FromTicks(Math.Min((at + after - now).Ticks, after.Ticks)) : TimeSpan.FromSeconds(1);
}
