using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace LinX.Core.Security;

/// <summary>
/// The keyed cryptography of LinX: link tokens (derived, never stored), phone number encryption, sealed payloads of
/// orchestration history, number fingerprints, passcode hashes and proofs. Keys come from <see cref="LinXSecurityOptions"/>.
/// </summary>
public sealed class LinXCrypto
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int TokenLength = 43; // base64url of 32 bytes, unpadded

    private static readonly JsonSerializerOptions SealedJson = new(JsonSerializerDefaults.Web);

    private readonly byte[] _dataKey;
    private readonly byte[] _linkKey;
    private readonly byte[] _fingerprintKey;

    public LinXCrypto(IOptions<LinXSecurityOptions> options)
    {
        var value = options.Value;
        _dataKey = Convert.FromBase64String(value.DataKey);
        _linkKey = Convert.FromBase64String(value.LinkKey);
        _fingerprintKey = Convert.FromBase64String(value.FingerprintKey);
    }

    /// <summary>The workflow's link token: base64url(HMAC-SHA256(linkKey, workflowId)). 256 bits; never stored.</summary>
    public string LinkToken(Guid workflowId) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(_linkKey, Encoding.UTF8.GetBytes("link:" + workflowId.ToString("D"))));

    /// <summary>The stored form of a token: SHA-256 hex. Null when the text cannot be a token (no lookup is made).</summary>
    public static string? LinkTokenHash(string? token)
    {
        if (token is null || token.Length != TokenLength || !Base64Url.IsValid(token))
        {
            return null;
        }

        return Hashing.Sha256Hex(token);
    }

    /// <summary>True when <paramref name="token"/> is the token of <paramref name="workflowId"/> (constant time).</summary>
    public bool IsLinkTokenOf(string token, Guid workflowId) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token), Encoding.ASCII.GetBytes(LinkToken(workflowId)));

    /// <summary>Encrypts with AES-256-GCM bound to <paramref name="context"/> (e.g. the workflow id): nonce|cipher|tag, base64.</summary>
    public string Encrypt(string plainText, string context)
    {
        var plain = Encoding.UTF8.GetBytes(plainText);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_dataKey, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(context));
        return Convert.ToBase64String(output);
    }

    /// <summary>Decrypts what <see cref="Encrypt"/> produced for the same context.</summary>
    public string Decrypt(string cipherText, string context)
    {
        var input = Convert.FromBase64String(cipherText);
        var length = input.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(_dataKey, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, length), input.AsSpan(NonceSize + length), plain, Encoding.UTF8.GetBytes(context));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>
    /// Seals <paramref name="value"/> (its Web JSON) for orchestration history, bound to <paramref name="workflowId"/> and
    /// <paramref name="purpose"/>: it opens only for the same two (<see cref="Unseal{T}"/>).
    /// </summary>
    public Sealed<T> Seal<T>(T value, Guid workflowId, string purpose) =>
        new(Encrypt(JsonSerializer.Serialize(value, SealedJson), SealedContext(workflowId, purpose)));

    /// <summary>Opens what <see cref="Seal{T}"/> sealed; <see cref="CryptographicException"/> for another workflow, purpose or key.</summary>
    public T Unseal<T>(Sealed<T> value, Guid workflowId, string purpose)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.Deserialize<T>(Decrypt(value.Cipher, SealedContext(workflowId, purpose)), SealedJson)
            ?? throw new CryptographicException("The sealed value is empty.");
    }

    /// <summary>Keyed fingerprint of a card or account number (hex HMAC-SHA256); the number itself is never kept.</summary>
    public string Fingerprint(string kind, string number) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_fingerprintKey, Encoding.UTF8.GetBytes(kind + ":" + number)));

    /// <summary>A new 6-digit passcode.</summary>
    public static string NewPasscode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>
    /// The stored form of a passcode. Keyed (not a plain hash) because a 6-digit space is brute-forced offline in
    /// microseconds from a plain hash; bound to the workflow so hashes do not repeat across workflows.
    /// </summary>
    public string PasscodeHash(Guid workflowId, string passcode) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_dataKey, Encoding.UTF8.GetBytes("passcode:" + workflowId.ToString("D") + ":" + passcode)));

    /// <summary>True when the passcode matches the stored hash (constant time).</summary>
    public bool VerifyPasscode(Guid workflowId, string passcode, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(PasscodeHash(workflowId, passcode)), Encoding.ASCII.GetBytes(storedHash));

    /// <summary>
    /// The proof that this link's current passcode was entered (for an HttpOnly cookie): bound to the passcode's hash, so
    /// that a new passcode (after a lock) ends every proof of the old one.
    /// </summary>
    public string PasscodeProof(Guid workflowId, string? passcodeHash) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(_linkKey, Encoding.UTF8.GetBytes($"passcode-proof:{workflowId:D}:{passcodeHash}")));

    /// <summary>True when <paramref name="proof"/> is this workflow's passcode proof (constant time).</summary>
    public bool IsPasscodeProofOf(string? proof, Guid workflowId, string? passcodeHash) =>
        proof is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(proof), Encoding.ASCII.GetBytes(PasscodeProof(workflowId, passcodeHash)));

    private static string SealedContext(Guid workflowId, string purpose) => workflowId.ToString("D") + ":" + purpose;
}
