using System.Security.Cryptography;
using System.Text;

namespace LinX.Core.Security;

/// <summary>
/// Secrets known only by their SHA-256 (configured as comma-separated hex): a presented secret is hashed and compared in
/// fixed time with every configured hash (no early exit), so neither the comparison nor the number tried tells anything.
/// </summary>
public sealed class SecretHashes
{
    private readonly byte[][] _hashes;

    /// <param name="hashes">The hashes, lower- or upper-case hex (validated beforehand, e.g. by <see cref="Admin.Sha256HexListAttribute"/>).</param>
    public SecretHashes(IEnumerable<string> hashes)
    {
        _hashes = [.. hashes.Select(Convert.FromHexString)];
    }

    /// <summary>True when at least one hash is configured.</summary>
    public bool Any => _hashes.Length > 0;

    /// <summary>Which configured hash the secret has (1-based), or 0: none, or a missing or oversized secret.</summary>
    public int Match(string? secret, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > maxLength)
        {
            return 0;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        var match = 0;
        for (var i = 0; i < _hashes.Length; i++)
        {
            // Which hash matched may branch: the caller controls only the hash's input, so its timing says nothing.
            match = CryptographicOperations.FixedTimeEquals(hash, _hashes[i]) ? i + 1 : match;
        }

        return match;
    }
}
