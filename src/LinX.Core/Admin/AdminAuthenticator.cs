using System.Security.Cryptography;
using System.Text;
using LinX.Core.Businesses;
using Microsoft.Extensions.Options;

namespace LinX.Core.Admin;

/// <summary>The caller of the admin API: which configured admin key it used (1-based, for the log; never the key).</summary>
public sealed record AdminCaller(int KeyNumber);

/// <summary>
/// Checks an admin key against <see cref="AdminOptions.ApiKeyHashes"/>: by its SHA-256, compared in fixed time with
/// every configured hash (no early exit), so neither the comparison nor the number of hashes tried tells anything.
/// Business API keys are never admin keys: they live in another store and are never looked up here.
/// </summary>
public sealed class AdminAuthenticator
{
    private readonly byte[][] _hashes;

    public AdminAuthenticator(IOptions<AdminOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _hashes = [.. (AdminOptions.ParseHashes(options.Value.ApiKeyHashes) ?? []).Select(Convert.FromHexString)];
    }

    /// <summary>The caller, or null for a missing, oversized or unknown key (and for every key when none is configured).</summary>
    public AdminCaller? Authenticate(string? key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > ApiKeyAuthenticator.MaxKeyLength)
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var match = 0;
        for (var i = 0; i < _hashes.Length; i++)
        {
            // Which hash matched may branch: the attacker controls only the hash's input, so its timing says nothing.
            match = CryptographicOperations.FixedTimeEquals(hash, _hashes[i]) ? i + 1 : match;
        }

        return match == 0 ? null : new AdminCaller(match);
    }
}
