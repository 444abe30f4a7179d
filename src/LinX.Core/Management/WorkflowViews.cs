using LinX.Core.Consent;
using LinX.Core.Notifications;
using LinX.Core.Payments;
using LinX.Core.Workflows;

namespace LinX.Core.Management;

/// <summary>The answer to a create: what the business needs, the passcode only once (never stored in clear).</summary>
/// <remarks><c>Link</c>: The customer's link, <c>{PublicBaseUrl}/linx/{token}</c>. <c>Passcode</c>: The 6-digit passcode when the request asked for one; null on an idempotent replay. <c>IdempotentReplay</c>: True when an earlier request with the same Idempotency-Key and body created it.</remarks>
public sealed record WorkflowCreated(
    Guid WorkflowId, WorkflowStatus Status, DateTimeOffset ExpireAt, string Link, string? Passcode, bool IdempotentReplay)
{
    /// <summary>Channel BUSINESS: the business hands the link over itself, so its answer carries it.</summary>
    public bool LinkDeliveredByBusiness { get; init; }
}

/// <summary>A workflow as the business reads it: RocketKOR's LinX Workflow Detail object, and what LinX adds (ADR 0023).</summary>
/// <remarks>
/// <c>Id</c>: the workflow's id. <c>CurrentStep</c>: index in <c>Steps</c> of the step the customer is on.
/// <c>PhoneNumber</c>: the number the link is texted to, masked (<c>+1******4567</c>).
/// <c>Locked</c>: the customer's link is locked after too many wrong passcodes (since <c>LockedAt</c>). Not a status: the workflow stays ACTIVE (or CREATED) until it expires or is cancelled, sends no reminders and refuses resend; new-passcode unlocks it.
/// </remarks>
public sealed record WorkflowDetails(
    Guid Id,
    string Title,
    WorkflowStatus Status,
    int CurrentStep,
    IReadOnlyList<WorkflowStepView> Steps,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpireAt,
    DateTimeOffset? NextNotificationAt,
    DateTimeOffset? CompletedAt,
    string? DeclineReason,
    string? DeclineComment,
    string? FailureReason,
    Guid? CustomerId,
    Guid? FinancialAccountId,
    Guid? TransactionId,
    string PhoneNumber,
    bool PasscodeRequired,
    string Channel,
    bool Locked,
    DateTimeOffset? LockedAt)
{
    public static WorkflowDetails From(WorkflowRecord record) => new(
        record.WorkflowId, record.Title, record.Status, record.CurrentStep, WorkflowStepView.Of(record), record.CreatedAt, record.ExpireAt,
        record.NextNotificationAt, record.CompletedAt, record.DeclineReason, record.DeclineComment, record.FailureReason,
        record.CustomerId, record.FinancialAccountId, record.TransactionId, record.MaskedPhoneNumber, record.PasscodeHash is not null,
        record.Plan.Notification.Channel, record.IsLocked, record.LockedAt)
    {
        FailureCode = record.ShownFailureCode(),
        PaymentAttempts = record.PaymentAttempts,
        Locale = record.Plan.Locale,
        TemplateId = record.TemplateId,
        TemplateVersionId = record.TemplateVersionId,
        BatchId = record.BatchId,
        Payment = record.Plan.MoveMoney is { } move ? WorkflowPaymentView.From(move) : null,
    };

    /// <summary>The money movement the workflow asks the customer to accept (its move-money step's terms); null without one.</summary>
    public WorkflowPaymentView? Payment { get; init; }

    /// <summary>The template the workflow was created from; null (absent) for a direct request.</summary>
    public Guid? TemplateId { get; init; }

    /// <summary>The template version the workflow was created from and runs on; null (absent) for a direct request.</summary>
    public Guid? TemplateVersionId { get; init; }

    /// <summary>The batch that started the workflow (<c>/api/linx/workflow-batches/{batchId}</c>); null when it was created directly.</summary>
    public Guid? BatchId { get; init; }

    /// <summary>Why a FAILED workflow ended, as a code: a payment's (<c>PAYMENT_DECLINED</c>, <c>CARD_DECLINED</c>, ...) or <c>SYSTEM_ERROR</c>; null unless FAILED.</summary>
    public string? FailureCode { get; init; }

    /// <summary>Every try at the money movement, first to last, with its transaction, account, status and reason (ADR 0016).</summary>
    public IReadOnlyList<PaymentAttempt> PaymentAttempts { get; init; } = [];

    /// <summary>The locale the request asked for (<c>en</c>, <c>fr-CA</c>); null when it named none (the business's default applies).</summary>
    public string? Locale { get; init; }

    /// <summary>What the customer accepted, step by step (only in the answer for one workflow, not in searches).</summary>
    public IReadOnlyList<ConsentView>? Consents { get; init; }
}

/// <summary>
/// The terms of a workflow's money movement as the request gave them (LinX): direction, rail, amount, priority and, for a
/// SCHEDULED payment, when it moves (ISO 8601, the business's offset). The transaction itself is <c>transactionId</c>.
/// </summary>
public sealed record WorkflowPaymentView(
    TransactionType TransactionType, PaymentSolution Solution, decimal Amount, string Currency, PaymentPriority Priority, DateTimeOffset? StartDateTime)
{
    public static WorkflowPaymentView From(MoveMoneyStep move)
    {
        ArgumentNullException.ThrowIfNull(move);
        return new(move.TransactionType, move.Solution, move.Amount, move.Currency, move.Priority, move.StartDateTime);
    }
}

/// <summary>
/// The evidence of one acceptance: the text accepted (word for word, its kind, version, SHA-256 and language), the time,
/// the client's address and user agent.
/// </summary>
/// <remarks><c>LinkDeliveredBy</c>: who gave the customer the link the acceptance came through: <c>LINX_SMS</c> or <c>BUSINESS</c>.</remarks>
public sealed record ConsentView(
    string StepName, ConsentKind Kind, string TextVersion, string TextSha256, string? Text, string? Locale, DateTimeOffset AcceptedAt,
    string? IpAddress, string? UserAgent, string LinkDeliveredBy)
{
    public static ConsentView From(ConsentEvidence evidence) => new(
        evidence.StepName, evidence.Kind, evidence.TextVersion, evidence.TextSha256, evidence.Text, evidence.Locale, evidence.AcceptedAt,
        evidence.IpAddress, evidence.UserAgent, evidence.LinkDeliveredBy)
    {
        DocumentId = evidence.DocumentId,
        DocumentGroup = evidence.DocumentGroup,
    };

    /// <summary>For a document accepted on a document-acceptance step (kind DOCUMENT): its id; <c>TextVersion</c> is its version.</summary>
    public string? DocumentId { get; init; }

    /// <summary>For a document accepted on a document-acceptance step: its group.</summary>
    public Documents.DocumentGroup? DocumentGroup { get; init; }
}

/// <summary>One notification of a workflow's history, in RocketKOR's shape, and what LinX adds.</summary>
/// <remarks>
/// <c>Serial</c>: 0 for the first, then 1, 2, ... <c>Origin</c>: INITIAL, MANUAL (a resend), REMINDER, EXPIRY.
/// <c>NotifiedBy</c>: who caused it (<see cref="NotifiedBy"/>). <c>NotifiedAt</c>: when it was sent (or skipped).
/// LinX adds <c>Status</c> (SENT or SKIPPED), <c>SkipReason</c> (why one was not sent: PHONE_OPTED_OUT, the number opted
/// out of the business), <c>PhoneNumber</c> (masked) and <c>ProviderMessageId</c>.
/// </remarks>
public sealed record NotificationView(
    int Serial, string Channel, NotificationOrigin Origin, NotifiedBy NotifiedBy, DateTimeOffset NotifiedAt, string Status, string? SkipReason,
    string PhoneNumber, string? ProviderMessageId)
{
    public const string Sent = "SENT";

    public const string Skipped = "SKIPPED";

    /// <summary>The row as the business reads it; a MANUAL one was asked for by the business's API key (<paramref name="businessId"/>).</summary>
    public static NotificationView From(NotificationRecord record, Guid businessId)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new NotificationView(
            record.Serial, record.Channel, record.Origin, NotifiedBy.Of(record.Origin, businessId), record.SentAt,
            record.Successful ? Sent : Skipped, record.Successful ? null : record.Error, record.MaskedPhoneNumber, record.ProviderMessageId);
    }
}

/// <summary>
/// Who caused a notification (RocketKOR's <c>notifiedBy</c>): <c>service-account</c> with the business's id for a resend
/// through the API; <c>internal</c> with no id for those LinX sends itself (the first, reminders, expiry).
/// </summary>
public sealed record NotifiedBy(Guid? Id, string Type)
{
    public const string ServiceAccount = "service-account";

    public const string Internal = "internal";

    public static NotifiedBy Of(NotificationOrigin origin, Guid businessId) =>
        origin == NotificationOrigin.Manual ? new NotifiedBy(businessId, ServiceAccount) : new NotifiedBy(null, Internal);
}

/// <summary>The answer to new-passcode: the new 6-digit passcode, shown this once (only its keyed hash is stored).</summary>
public sealed record WorkflowPasscode(Guid WorkflowId, string Passcode);

/// <summary>The answer to cancel, resend and extend: the request was handed to the orchestrator.</summary>
public sealed record WorkflowCommandAccepted(Guid WorkflowId, string Command, DateTimeOffset? ExpireAt = null);
