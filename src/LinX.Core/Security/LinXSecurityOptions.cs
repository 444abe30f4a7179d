using System.ComponentModel.DataAnnotations;

namespace LinX.Core.Security;

/// <summary>Section <c>LinX:Security</c>: the three secret keys, each 32 random bytes in base64.</summary>
public sealed class LinXSecurityOptions
{
    public const string SectionName = "LinX:Security";

    /// <summary>AES-256-GCM key encrypting personal data at rest (the customer's phone number).</summary>
    [Required]
    [Base64Key32]
    public string DataKey { get; set; } = string.Empty;

    /// <summary>HMAC key deriving link tokens and passcode proofs from workflow ids.</summary>
    [Required]
    [Base64Key32]
    public string LinkKey { get; set; } = string.Empty;

    /// <summary>HMAC key of card and account number fingerprints (dedupe without storing numbers).</summary>
    [Required]
    [Base64Key32]
    public string FingerprintKey { get; set; } = string.Empty;
}
