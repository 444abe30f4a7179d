namespace LinX.Core.Security;

/// <summary>
/// A <typeparamref name="T"/> sealed by <see cref="LinXCrypto.Seal{T}"/>: its JSON, encrypted with AES-256-GCM under
/// <c>LinX:Security:DataKey</c> and bound to one workflow and one purpose. This is how personal data travels through
/// orchestration history, queues and the Durable status API: only an activity holding the key opens it (ADR 0011).
/// </summary>
/// <param name="Cipher">nonce|cipher|tag, base64.</param>
public sealed record Sealed<T>(string Cipher);
