using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LinX.Core.Webhooks;

/// <summary>
/// The <c>LinX-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "{t}.{body}")&gt;</c>.
/// Receivers verify with <see cref="Verify"/> (or the recipe in <c>docs/webhooks.md</c>): recompute the HMAC over the
/// raw body exactly as received, compare in constant time, and reject timestamps outside a tolerance (replays).
/// </summary>
public static class WebhookSignature
{
    /// <summary>The request header that carries the signature.</summary>
    public const string HeaderName = "LinX-Signature";

    /// <summary>The default tolerance between the signature's timestamp and the receiver's clock.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const string SecretPrefix = "whsec_";

    /// <summary>A new random signing secret (<c>whsec_</c> + 256 bits, base64url). The HMAC key is the whole string, UTF-8.</summary>
    public static string NewSecret() => SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The header value for <paramref name="body"/> signed at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, DateTimeOffset timestamp, string body) => Sign([secret], timestamp, body);

    /// <summary>The header value with one <c>v1</c> per secret (during a rotation's overlap: the new and the old).</summary>
    public static string Sign(IReadOnlyList<string> secrets, DateTimeOffset timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(body);
        var t = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return "t=" + t + string.Concat(secrets.Select(secret => ",v1=" + Compute(secret, t, body)));
    }

    /// <summary>
    /// True when <paramref name="header"/> holds a <c>v1</c> signature of <paramref name="body"/> with
    /// <paramref name="secret"/> and its timestamp is within <paramref name="tolerance"/> of <paramref name="now"/>.
    /// Several <c>v1</c> entries are allowed (any may match). Never throws on malformed input.
    /// </summary>
    public static bool Verify(string secret, string? header, string body, TimeSpan tolerance, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        string? t = null;
        var candidates = new List<string>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var key = part[..eq];
            var value = part[(eq + 1)..];
            if (key == "t")
            {
                t = value;
            }
            else if (key == "v1")
            {
                candidates.Add(value);
            }
        }

        if (t is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || candidates.Count == 0)
        {
            return false;
        }

        if (seconds > 253402300799 || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, t, body));
        return candidates.Any(c => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(c.ToLowerInvariant())));
    }

    private static string Compute(string secret, string t, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body)));
}
