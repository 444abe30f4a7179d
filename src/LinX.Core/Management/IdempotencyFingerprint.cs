using LinX.Core.Security;

namespace LinX.Core.Management;

/// <summary>What an Idempotency-Key is bound to: the fingerprint of the request body it was first used with.</summary>
public static class IdempotencyFingerprint
{
    /// <summary>The fingerprint of a create request's body.</summary>
    public static string Of(ReadOnlySpan<byte> body) => Hashing.Sha256Hex(body);
}
