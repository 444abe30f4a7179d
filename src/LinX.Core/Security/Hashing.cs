using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace LinX.Core.Security;

/// <summary>Plain hashes and random tokens.</summary>
public static class Hashing
{
    /// <summary>SHA-256 of the UTF-8 text, lower-case hex (safe as a table key).</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>SHA-256 of the bytes, lower-case hex.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A random 256-bit token, base64url without padding.</summary>
    public static string RandomToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
