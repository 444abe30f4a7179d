using Azure;
using Azure.Data.Tables;
using LinX.Core.Notifications;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// Notification history: PK = workflow id, RK = zero-padded serial. A claim row holds <c>LeaseUntil</c>, the attempt
/// <c>Generation</c> and <c>FirstAttemptAt</c> (and the business id); the record replaces it, so a row is sent exactly
/// when it has no lease. Takeovers, restarts and releases merge only what they change, ETag-guarded, so the claim's
/// generation and first attempt stay as the first attempt wrote them.
/// </summary>
internal sealed class TableNotificationStore : INotificationStore
{
    private const string LeaseUntil = "LeaseUntil";
    private const string Generation = "Generation";
    private const string FirstAttemptAt = "FirstAttemptAt";

    /// <summary>The lease of a released claim: long past, and inside the Table service's date range (from 1601).</summary>
    private static readonly DateTimeOffset Released = DateTimeOffset.UnixEpoch;

    private readonly TableClient _table;

    public TableNotificationStore(TableStorage storage)
    {
        _table = storage.Notifications;
    }

    public async Task<NotificationRecord?> GetAsync(Guid workflowId, int serial, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(workflowId), TableKeys.Serial(serial), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e && IsSent(e) ? ToRecord(e) : null;
    }

    public async Task<NotificationClaim> ClaimAsync(Guid workflowId, Guid businessId, int serial, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var firstAttemptAt = ToSecond(now);
        var claim = new TableEntity(TableKeys.Of(workflowId), TableKeys.Serial(serial))
        {
            ["BusinessId"] = businessId, [LeaseUntil] = leaseUntil, [Generation] = 0, [FirstAttemptAt] = firstAttemptAt,
        };
        while (true)
        {
            try
            {
                var added = await _table.AddEntityAsync(claim, cancellationToken);
                return new NotificationClaim(workflowId, serial, null, added.Headers.ETag?.ToString(), leaseUntil, 0, firstAttemptAt);
            }
            catch (RequestFailedException e) when (TableKeys.IsConflict(e))
            {
            }

            var row = await _table.GetEntityIfExistsAsync<TableEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken);
            if (!row.HasValue || row.Value is not { } existing)
            {
                continue; // gone between the insert and the read: claim again
            }

            if (IsSent(existing))
            {
                return new NotificationClaim(workflowId, serial, ToRecord(existing), null, now, 0, default);
            }

            var heldUntil = existing.GetDateTimeOffset(LeaseUntil) ?? now;
            if (heldUntil > now)
            {
                return new NotificationClaim(workflowId, serial, null, null, heldUntil, 0, default);
            }

            try
            {
                var taken = await _table.UpdateEntityAsync(Merge(claim.PartitionKey, claim.RowKey, LeaseUntil, leaseUntil), existing.ETag, TableUpdateMode.Merge, cancellationToken);

                // A claim row from before first attempts were kept has none: too old to repeat, so the sender starts anew.
                return new NotificationClaim(
                    workflowId, serial, null, taken.Headers.ETag?.ToString(), leaseUntil,
                    existing.GetInt32(Generation) ?? 0, existing.GetDateTimeOffset(FirstAttemptAt) ?? DateTimeOffset.UnixEpoch);
            }
            catch (RequestFailedException e) when (TableKeys.IsPreconditionFailed(e) || TableKeys.IsNotFound(e))
            {
                // Another sender took it over or sent it first: look again.
            }
        }
    }

    public async Task<NotificationClaim> RestartAttemptAsync(NotificationClaim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var next = claim with { Generation = claim.Generation + 1, FirstAttemptAt = ToSecond(now) };
        var restarted = Merge(TableKeys.Of(claim.WorkflowId), TableKeys.Serial(claim.Serial), Generation, next.Generation);
        restarted[FirstAttemptAt] = next.FirstAttemptAt;
        try
        {
            var updated = await _table.UpdateEntityAsync(restarted, new ETag(claim.Version!), TableUpdateMode.Merge, cancellationToken);
            return next with { Version = updated.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (TableKeys.IsPreconditionFailed(e) || TableKeys.IsNotFound(e))
        {
            return claim with { Version = null }; // taken over by another sender: not ours to restart
        }
    }

    public async Task<NotificationRecord> CompleteAsync(NotificationClaim claim, NotificationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(record);
        var entity = new TableEntity(TableKeys.Of(record.WorkflowId), TableKeys.Serial(record.Serial))
        {
            ["BusinessId"] = record.BusinessId,
            ["Serial"] = record.Serial,
            ["Channel"] = record.Channel,
            ["Origin"] = record.Origin.ToString().ToUpperInvariant(),
            ["SentAt"] = record.SentAt,
            ["ProviderMessageId"] = record.ProviderMessageId,
            ["MaskedPhoneNumber"] = record.MaskedPhoneNumber,
            ["Successful"] = record.Successful,
            ["Error"] = record.Error,
        };
        try
        {
            await _table.UpdateEntityAsync(entity, new ETag(claim.Version!), TableUpdateMode.Replace, cancellationToken);
            return record;
        }
        catch (RequestFailedException e) when (TableKeys.IsPreconditionFailed(e) || TableKeys.IsNotFound(e))
        {
            // Our lease ran out while sending and another sender took the claim over: keep the first record.
            if (await GetAsync(record.WorkflowId, record.Serial, cancellationToken) is { } first)
            {
                return first;
            }

            await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
            return record;
        }
    }

    public async Task ReleaseAsync(NotificationClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        try
        {
            await _table.UpdateEntityAsync(
                Merge(TableKeys.Of(claim.WorkflowId), TableKeys.Serial(claim.Serial), LeaseUntil, Released), new ETag(claim.Version!), TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (TableKeys.IsPreconditionFailed(e) || TableKeys.IsNotFound(e))
        {
            // Taken over by another sender, or gone: not ours to release.
        }
    }

    public async Task<IReadOnlyList<NotificationRecord>> ListAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        var list = new List<NotificationRecord>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Of(workflowId)}"), cancellationToken: cancellationToken))
        {
            if (IsSent(e))
            {
                list.Add(ToRecord(e));
            }
        }

        return list.OrderBy(n => n.Serial).ToList();
    }

    /// <summary>Whole seconds: what the provider is sent (RFC 1123), so the value read back after a takeover is the one the first attempt sent.</summary>
    private static DateTimeOffset ToSecond(DateTimeOffset time) => DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());

    private static TableEntity Merge(string partitionKey, string rowKey, string property, object value) =>
        new(partitionKey, rowKey) { [property] = value };

    private static bool IsSent(TableEntity e) => !e.ContainsKey(LeaseUntil);

    private static NotificationRecord ToRecord(TableEntity e) => new(
        Guid.Parse(e.PartitionKey),
        e.GetGuid("BusinessId") ?? Guid.Empty,
        e.GetInt32("Serial") ?? 0,
        e.GetString("Channel") ?? string.Empty,
        Enum.Parse<NotificationOrigin>(e.GetString("Origin") ?? nameof(NotificationOrigin.Initial), ignoreCase: true),
        e.GetDateTimeOffset("SentAt") ?? DateTimeOffset.MinValue,
        e.GetString("ProviderMessageId"),
        e.GetString("MaskedPhoneNumber") ?? string.Empty,
        e.GetBoolean("Successful") ?? false,
        e.GetString("Error"));
}
