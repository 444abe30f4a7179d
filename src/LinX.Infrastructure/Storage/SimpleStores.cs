using Azure;
using Azure.Data.Tables;
using LinX.Core.Businesses;
using LinX.Core.Notifications;
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

/// <summary>Businesses: PK = business id, RK empty.</summary>
internal sealed class TableBusinessStore : IBusinessStore
{
    private readonly TableClient _table;

    public TableBusinessStore(TableStorage storage)
    {
        _table = storage.Businesses;
    }

    public async Task<Business?> GetAsync(Guid businessId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(businessId), string.Empty, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e
            ? new Business(businessId, e.GetString("Name") ?? string.Empty, e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue)
            : null;
    }

    public Task UpsertAsync(Business business, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(
            new TableEntity(TableKeys.Of(business.BusinessId), string.Empty) { ["Name"] = business.Name, ["CreatedAt"] = business.CreatedAt },
            TableUpdateMode.Replace,
            cancellationToken);
}

/// <summary>API keys: PK = SHA-256 hex of the key, RK empty, business id as a column. The key itself is never stored.</summary>
internal sealed class TableApiKeyStore : IApiKeyStore
{
    private readonly TableClient _table;

    public TableApiKeyStore(TableStorage storage)
    {
        _table = storage.ApiKeys;
    }

    public async Task<Guid?> FindBusinessIdAsync(string keyHash, CancellationToken cancellationToken)
    {
        if (keyHash.Length != 64 || !keyHash.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(keyHash, string.Empty, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value?.GetGuid("BusinessId") : null;
    }

    public Task AddAsync(string keyHash, Guid businessId, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(keyHash, string.Empty) { ["BusinessId"] = businessId }, TableUpdateMode.Replace, cancellationToken);
}

/// <summary>
/// Notification history: PK = workflow id, RK = zero-padded serial. A claim row holds only <c>LeaseUntil</c> (and the business id); the
/// record replaces it, so a row is sent exactly when it has no lease.
/// </summary>
internal sealed class TableNotificationStore : INotificationStore
{
    private const string LeaseUntil = "LeaseUntil";

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
        var claim = new TableEntity(TableKeys.Of(workflowId), TableKeys.Serial(serial)) { ["BusinessId"] = businessId, [LeaseUntil] = leaseUntil };
        while (true)
        {
            try
            {
                var added = await _table.AddEntityAsync(claim, cancellationToken);
                return new NotificationClaim(workflowId, serial, null, added.Headers.ETag?.ToString(), leaseUntil);
            }
            catch (RequestFailedException e) when (TableKeys.IsConflict(e))
            {
            }

            var row = await _table.GetEntityIfExistsAsync<TableEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken);
            if (!row.HasValue || row.Value is not { } existing)
            {
                continue; // released between the insert and the read: claim again
            }

            if (IsSent(existing))
            {
                return new NotificationClaim(workflowId, serial, ToRecord(existing), null, now);
            }

            var heldUntil = existing.GetDateTimeOffset(LeaseUntil) ?? now;
            if (heldUntil > now)
            {
                return new NotificationClaim(workflowId, serial, null, null, heldUntil);
            }

            try
            {
                var taken = await _table.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                return new NotificationClaim(workflowId, serial, null, taken.Headers.ETag?.ToString(), leaseUntil);
            }
            catch (RequestFailedException e) when (TableKeys.IsPreconditionFailed(e) || TableKeys.IsNotFound(e))
            {
                // Another sender took it over, sent or released it first: look again.
            }
        }
    }

    public async Task<NotificationRecord> CompleteAsync(NotificationClaim claim, NotificationRecord record, CancellationToken cancellationToken)
    {
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
        try
        {
            await _table.DeleteEntityAsync(TableKeys.Of(claim.WorkflowId), TableKeys.Serial(claim.Serial), new ETag(claim.Version!), cancellationToken);
        }
        catch (RequestFailedException e) when (TableKeys.IsPreconditionFailed(e) || TableKeys.IsNotFound(e))
        {
            // Taken over by another sender, or gone: not ours to delete.
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
