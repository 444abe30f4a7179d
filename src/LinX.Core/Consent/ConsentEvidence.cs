namespace LinX.Core.Consent;

/// <summary>
/// What a customer accepted, when and from where: the text's version, SHA-256 and the text itself (an ACH debit
/// authorisation must be kept as the customer saw it), the time, the client's address and user agent (nothing else of the device), and who delivered the link
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

    /// <summary>The sentence accepted, word for word (null in evidence recorded before LinX kept it).</summary>
    public string? Text { get; init; }

    /// <summary>What kind of acceptance it was (an ACH debit authorisation, a payout's terms, a step's confirmation).</summary>
    public ConsentKind Kind { get; init; } = ConsentKind.Step;

    /// <summary>The language the sentence was shown in.</summary>
    public string? Locale { get; init; }

    public const string Business = "BUSINESS";

    /// <summary>For a business document accepted on a document-acceptance step (<see cref="ConsentKind.Document"/>): its id.</summary>
    public string? DocumentId { get; init; }

    /// <summary>For a business document: its group.</summary>
    public Documents.DocumentGroup? DocumentGroup { get; init; }
}
