namespace LinX.Core.Consent;

/// <summary>
/// What a customer accepted, when and from where: the text's version and SHA-256 (the text itself is rebuilt from the
/// version), the time, the client's address and user agent (nothing else of the device), and who delivered the link
/// (<see cref="LinXSms"/>, or <see cref="Business"/> for channel BUSINESS). Written by the Gateway before it hands the
/// submission to the orchestrator, from the customer's own request, so a business holding only its API key cannot
/// produce one without the link, and one that held the link is named in it.
/// </summary>
public sealed record ConsentEvidence(
    Guid BusinessId,
    Guid WorkflowId,
    string StepName,
    string TextVersion,
    string TextSha256,
    DateTimeOffset AcceptedAt,
    string? IpAddress,
    string? UserAgent,
    string LinkDeliveredBy)
{
    public const string LinXSms = "LINX_SMS";

    public const string Business = "BUSINESS";
}
