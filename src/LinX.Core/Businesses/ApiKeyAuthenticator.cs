using LinX.Core.Security;

namespace LinX.Core.Businesses;

/// <summary>
/// Resolves a bearer API key to its business. Keys are compared by hash only and never logged. Nothing is cached: a
/// revoked or expired key answers 401 at its next request, on every host.
/// </summary>
public sealed class ApiKeyAuthenticator
{
    /// <summary>Longer bearer values are refused before they are hashed.</summary>
    public const int MaxKeyLength = 200;

    private readonly IApiKeyStore _apiKeys;
    private readonly IBusinessStore _businesses;
    private readonly TimeProvider _time;

    public ApiKeyAuthenticator(IApiKeyStore apiKeys, IBusinessStore businesses, TimeProvider time)
    {
        _apiKeys = apiKeys;
        _businesses = businesses;
        _time = time;
    }

    /// <summary>The business the key belongs to, or null for a missing, malformed, unknown, expired or revoked key.</summary>
    public async Task<Business?> AuthenticateAsync(string? apiKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(apiKey) || apiKey.Length > MaxKeyLength)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        if (await _apiKeys.FindAsync(Hashing.Sha256Hex(apiKey), cancellationToken) is not { } key || !key.IsUsableAt(now))
        {
            return null;
        }

        var business = await _businesses.GetAsync(key.BusinessId, cancellationToken);
        if (business is not null && key.KeyId is { } keyId)
        {
            await _apiKeys.RecordUseAsync(key.BusinessId, keyId, now, cancellationToken);
        }

        return business;
    }

    /// <summary>A new random 256-bit API key (base64url); store only <see cref="Hashing.Sha256Hex(string)"/> of it.</summary>
    public static string NewApiKey() => "linx_" + Hashing.RandomToken();
}
