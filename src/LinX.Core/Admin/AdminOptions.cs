namespace LinX.Core.Admin;

/// <summary>
/// Section <c>LinX:Admin</c>: who may call the admin API (<c>/api/admin</c>). With no key configured the admin API
/// answers 401 to everyone.
/// </summary>
public sealed class AdminOptions
{
    public const string SectionName = "LinX:Admin";

    /// <summary>
    /// The SHA-256 (hex) of each admin key accepted, separated by commas: several, so that a new admin key can be
    /// deployed before the old one is removed. Only hashes are configured, never the keys.
    /// </summary>
    [Sha256HexList]
    public string? ApiKeyHashes { get; set; }

    /// <summary>
    /// LinX.Local only: a fixed admin key for scripts, hashed at start and accepted next to <see cref="ApiKeyHashes"/>.
    /// The Functions host ignores it (a key in plain text has no place in a production configuration).
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The configured hashes, lower-case (empty when none; null when one is not 64 hex digits).</summary>
    public static IReadOnlyList<string>? ParseHashes(string? text)
    {
        var hashes = (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return hashes.All(h => h.Length == 64 && h.All(char.IsAsciiHexDigit)) ? [.. hashes.Select(h => h.ToLowerInvariant())] : null;
    }
}
