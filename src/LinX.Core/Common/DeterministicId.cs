using System.Security.Cryptography;
using System.Text;

namespace LinX.Core.Common;

/// <summary>
/// Ids derived from a stable name (a name-based UUID over SHA-256): an activity that runs again computes the
/// same id, so "insert if absent" makes it idempotent without a separate lookup table.
/// </summary>
public static class DeterministicId
{
    public static Guid From(Guid scope, string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(scope.ToString("D") + "/" + name), hash);
        var bytes = hash[..16].ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5-style (name-based)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }
}
