namespace LinX.Core.Businesses;

/// <summary>API keys, stored only as their SHA-256 hash (lower-case hex), each scoped to one business.</summary>
public interface IApiKeyStore
{
    /// <summary>The business owning the key with this hash, or null.</summary>
    Task<Guid?> FindBusinessIdAsync(string keyHash, CancellationToken cancellationToken);

    /// <summary>Registers a key hash for a business (idempotent).</summary>
    Task AddAsync(string keyHash, Guid businessId, CancellationToken cancellationToken);
}
