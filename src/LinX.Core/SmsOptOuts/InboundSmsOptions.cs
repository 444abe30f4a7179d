using LinX.Core.Admin;

namespace LinX.Core.SmsOptOuts;

/// <summary>
/// Section <c>LinX:InboundSms</c>: how the inbound-SMS endpoint knows a delivery comes from LinX's own Event Grid
/// subscription. Event Grid does not sign what it delivers; the subscription sends a secret in a delivery property header
/// (<see cref="SecretHeader"/>), and only its SHA-256 is configured here (docs/decisions/0015).
/// </summary>
public sealed class InboundSmsOptions
{
    public const string SectionName = "LinX:InboundSms";

    /// <summary>The header the Event Grid subscription's delivery property sets to the secret.</summary>
    public const string SecretHeader = "X-LinX-Event-Secret";

    /// <summary>The longest secret looked at: longer ones are refused unhashed.</summary>
    public const int MaxSecretLength = 256;

    /// <summary>
    /// The SHA-256 (hex) of each secret accepted, separated by commas (two while a secret is rotated). None configured:
    /// every delivery is refused (401).
    /// </summary>
    [Sha256HexList]
    public string? SecretHashes { get; set; }
}
