namespace LinX.Core.Businesses;

/// <summary>Registration of keys known only by their hash.</summary>
public static class ApiKeyStoreExtensions
{
    /// <summary>
    /// Registers a key known only by its hash for a business (idempotent: its id derives from the hash). It has no
    /// prefix to show, no expiry, and is listed, revoked and rotated like any other.
    /// </summary>
    public static Task AddAsync(this IApiKeyStore store, string keyHash, Guid businessId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyHash);
        var key = new BusinessApiKey(BusinessApiKey.DerivedId(businessId, keyHash), businessId, "API key", string.Empty, keyHash, DateTimeOffset.UtcNow);
        return store.CreateAsync(key, cancellationToken);
    }
}
