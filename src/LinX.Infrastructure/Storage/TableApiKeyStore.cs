using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using LinX.Core.Businesses;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// API keys, in one table with two kinds of row; the key itself is never stored.
/// <list type="bullet">
/// <item>Lookup rows: PK = SHA-256 hex of the key, RK empty; BusinessId, KeyId, ExpiresAt, RevokedAt. Authentication
/// reads one by a point read. Rows written before keys were listed have BusinessId only, and still authenticate.</item>
/// <item>Listing rows: PK = business id, RK = key id; name, prefix, the key's hash (to reach its lookup row), the same
/// lifetime columns, and LastUsedAt. A business's keys are one partition query.</item>
/// </list>
/// A hash (64 hex digits) is never a business id (a GUID with dashes), so the two never share a partition. A create
/// writes the listing row first, a lifetime change the lookup row first: whatever a crash interrupts, a key that works
/// is listed, and one that was revoked or expired no longer works.
/// </summary>
internal sealed class TableApiKeyStore : IApiKeyStore
{
    /// <summary>The least time between two LastUsedAt writes of one key from this host.</summary>
    public static readonly TimeSpan UsageWriteInterval = TimeSpan.FromMinutes(5);

    private readonly TableClient _table;
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _usageWritten = new();

    public TableApiKeyStore(TableStorage storage)
    {
        _table = storage.ApiKeys;
    }

    public async Task<ApiKeyLookup?> FindAsync(string keyHash, CancellationToken cancellationToken)
    {
        if (!IsHash(keyHash))
        {
            return null;
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(keyHash, string.Empty, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e && e.GetGuid("BusinessId") is { } businessId
            ? new ApiKeyLookup(businessId, e.GetGuid("KeyId"), e.GetDateTimeOffset("ExpiresAt"), e.GetDateTimeOffset("RevokedAt"))
            : null;
    }

    public async Task CreateAsync(BusinessApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        // Replace: a revoked key registered again (a configured demo key) works again.
        await _table.UpsertEntityAsync(ListingRow(key), TableUpdateMode.Replace, cancellationToken);
        await _table.UpsertEntityAsync(LookupRow(key), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<BusinessApiKey>> ListAsync(Guid businessId, CancellationToken cancellationToken)
    {
        var keys = new List<BusinessApiKey>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Of(businessId)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            keys.Add(ToKey(row));
        }

        return [.. keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.KeyId)];
    }

    public async Task<BusinessApiKey?> GetAsync(Guid businessId, Guid keyId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(businessId), TableKeys.Of(keyId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? ToKey(e) : null;
    }

    public async Task UpdateLifetimeAsync(BusinessApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _table.UpsertEntityAsync(Lifetime(new TableEntity(key.KeyHash, string.Empty), key), TableUpdateMode.Merge, cancellationToken);
        await _table.UpsertEntityAsync(Lifetime(new TableEntity(TableKeys.Of(key.BusinessId), TableKeys.Of(key.KeyId)), key), TableUpdateMode.Merge, cancellationToken);
    }

    public async Task RecordUseAsync(Guid businessId, Guid keyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Claimed before the write, so that concurrent requests with one key make one write.
        var last = _usageWritten.GetValueOrDefault(keyId, DateTimeOffset.MinValue);
        if (at - last < UsageWriteInterval || !_usageWritten.TryUpdate(keyId, at, last) && !_usageWritten.TryAdd(keyId, at))
        {
            return;
        }

        try
        {
            var row = new TableEntity(TableKeys.Of(businessId), TableKeys.Of(keyId)) { ["LastUsedAt"] = at };
            await _table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException)
        {
            // Bookkeeping must not fail an authenticated request: the key's next use tries again.
            _usageWritten.TryRemove(new KeyValuePair<Guid, DateTimeOffset>(keyId, at));
        }
    }

    /// <summary>A scan of the lookup rows (RK empty) naming the business: only the demo seeder calls it, at start.</summary>
    public async Task<int> RevokeUnlistedAsync(Guid businessId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var revoked = 0;
        var filter = TableClient.CreateQueryFilter($"RowKey eq {string.Empty} and BusinessId eq {businessId}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.GetGuid("KeyId") is null && row.GetDateTimeOffset("RevokedAt") is null)
            {
                await _table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["RevokedAt"] = at }, row.ETag, TableUpdateMode.Merge, cancellationToken);
                revoked++;
            }
        }

        return revoked;
    }

    private static bool IsHash(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigitLower);

    private static TableEntity LookupRow(BusinessApiKey key) =>
        Lifetime(new TableEntity(key.KeyHash, string.Empty) { ["BusinessId"] = key.BusinessId, ["KeyId"] = key.KeyId }, key);

    private static TableEntity ListingRow(BusinessApiKey key) =>
        Lifetime(
            new TableEntity(TableKeys.Of(key.BusinessId), TableKeys.Of(key.KeyId))
            {
                ["Name"] = key.Name,
                ["Prefix"] = key.Prefix,
                ["KeyHash"] = key.KeyHash,
                ["CreatedAt"] = key.CreatedAt,
                ["LastUsedAt"] = key.LastUsedAt,
            },
            key);

    private static TableEntity Lifetime(TableEntity row, BusinessApiKey key)
    {
        row["ExpiresAt"] = key.ExpiresAt;
        row["RevokedAt"] = key.RevokedAt;
        return row;
    }

    private static BusinessApiKey ToKey(TableEntity e) =>
        new(Guid.Parse(e.RowKey), Guid.Parse(e.PartitionKey), e.GetString("Name") ?? string.Empty, e.GetString("Prefix") ?? string.Empty,
            e.GetString("KeyHash") ?? string.Empty, e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue)
        {
            ExpiresAt = e.GetDateTimeOffset("ExpiresAt"),
            RevokedAt = e.GetDateTimeOffset("RevokedAt"),
            LastUsedAt = e.GetDateTimeOffset("LastUsedAt"),
        };
}
