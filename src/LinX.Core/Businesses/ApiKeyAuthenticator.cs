using LinX.Core.Security;

namespace LinX.Core.Businesses;

/// <summary>Resolves a bearer API key to its business. Keys are compared by hash only and never logged.</summary>
public sealed class ApiKeyAuthenticator
{
    private readonly IApiKeyStore _apiKeys;
    private readonly IBusinessStore _businesses;

    public ApiKeyAuthenticator(IApiKeyStore apiKeys, IBusinessStore businesses)
    {
        _apiKeys = apiKeys;
        _businesses = businesses;
    }

    /// <summary>The business the key belongs to, or null for a missing, malformed or unknown key.</summary>
    public async Task<Business?> AuthenticateAsync(string? apiKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(apiKey) || apiKey.Length > 200)
        {
            return null;
        }

        var businessId = await _apiKeys.FindBusinessIdAsync(Hashing.Sha256Hex(apiKey), cancellationToken);
        return businessId is { } id ? await _businesses.GetAsync(id, cancellationToken) : null;
    }

    /// <summary>A new random 256-bit API key (base64url); store only <see cref="Hashing.Sha256Hex(string)"/> of it.</summary>
    public static string NewApiKey() => "linx_" + Hashing.RandomToken();
}
