using LinX.Core.Businesses;
using LinX.Core.Security;
using Microsoft.Extensions.Options;

namespace LinX.Core.Admin;

/// <summary>The caller of the admin API: which configured admin key it used (1-based, for the log; never the key).</summary>
public sealed record AdminCaller(int KeyNumber);

/// <summary>
/// Checks an admin key against <see cref="AdminOptions.ApiKeyHashes"/>: by its SHA-256, compared in fixed time with
/// every configured hash (<see cref="SecretHashes"/>).
/// Business API keys are never admin keys: they live in another store and are never looked up here.
/// </summary>
public sealed class AdminAuthenticator
{
    private readonly SecretHashes _hashes;

    public AdminAuthenticator(IOptions<AdminOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _hashes = new SecretHashes(AdminOptions.ParseHashes(options.Value.ApiKeyHashes) ?? []);
    }

    /// <summary>The caller, or null for a missing, oversized or unknown key (and for every key when none is configured).</summary>
    public AdminCaller? Authenticate(string? key)
    {
        var match = _hashes.Match(key, ApiKeyAuthenticator.MaxKeyLength);
        return match == 0 ? null : new AdminCaller(match);
    }
}
