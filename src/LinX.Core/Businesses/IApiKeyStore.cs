namespace LinX.Core.Businesses;

/// <summary>
/// Business API keys, stored only as their SHA-256 hash (lower-case hex), each scoped to one business: a lookup row per
/// key hash (what authentication reads) and a listing row per key under its business (what the admin API lists).
/// Writes are ordered so that a crash between the two never leaves a key that works but is not listed, or that a
/// revoke cannot reach.
/// </summary>
public interface IApiKeyStore
{
    /// <summary>The key with this hash (one point read), or null.</summary>
    Task<ApiKeyLookup?> FindAsync(string keyHash, CancellationToken cancellationToken);

    /// <summary>Stores a key (create or replace, so a repeat is harmless): its listing row first, then its lookup row.</summary>
    Task CreateAsync(BusinessApiKey key, CancellationToken cancellationToken);

    /// <summary>The business's keys, oldest first (one partition query).</summary>
    Task<IReadOnlyList<BusinessApiKey>> ListAsync(Guid businessId, CancellationToken cancellationToken);

    Task<BusinessApiKey?> GetAsync(Guid businessId, Guid keyId, CancellationToken cancellationToken);

    /// <summary>Writes the key's <c>ExpiresAt</c> and <c>RevokedAt</c>: its lookup row first (authentication sees it at once), then its listing row.</summary>
    Task UpdateLifetimeAsync(BusinessApiKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Notes that the key was used at <paramref name="at"/>: written at most once per write interval per key on this
    /// host, so that authentication costs no write per request. Never fails the request: a failed write is retried at
    /// the key's next use.
    /// </summary>
    Task RecordUseAsync(Guid businessId, Guid keyId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Revokes the business's keys written before keys were listed (lookup rows without a listing row); how many.</summary>
    Task<int> RevokeUnlistedAsync(Guid businessId, DateTimeOffset at, CancellationToken cancellationToken);
}
