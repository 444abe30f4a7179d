namespace LinX.Core.Workflows;

/// <summary>
/// The stored workflow: what the business API and the Gateway read. Holds no full phone number (only
/// encrypted and masked), no link token (only its hash) and no passcode (only its keyed hash).
/// </summary>
public sealed record WorkflowRecord
{
    public required Guid WorkflowId { get; init; }

    public required Guid BusinessId { get; init; }

    public required string Title { get; init; }

    /// <summary>The template the workflow was created from (the same for all its versions); null when it was not.</summary>
    public Guid? TemplateId { get; init; }

    /// <summary>The version of that template; null when it was not created from one.</summary>
    public Guid? TemplateVersionId { get; init; }

    /// <summary>
    /// The keyed hashes of the terms the workflow is found by (<see cref="WorkflowSearchTerms"/>): its phone number from
    /// create, its customer's names, e-mail and phone once known. Hashes only: no personal data in the index's keys.
    /// </summary>
    public IReadOnlyList<string> SearchTerms { get; init; } = [];

    /// <summary>The validated plan with the phone number masked: what the orchestrator runs.</summary>
    public required WorkflowPlan Plan { get; init; }

    public required WorkflowStatus Status { get; init; }

    /// <summary>Index in <see cref="Steps"/> of the step the customer is on.</summary>
    public required int CurrentStep { get; init; }

    public required IReadOnlyList<StepState> Steps { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpireAt { get; init; }

    public DateTimeOffset? NextNotificationAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public string? DeclineReason { get; init; }

    public string? DeclineComment { get; init; }

    public string? FailureReason { get; init; }

    /// <summary>Why a FAILED workflow ended: a <see cref="Payments.PaymentDeclineCodes"/> code (SYSTEM_ERROR for anything but a payment).</summary>
    public string? FailureCode { get; init; }

    /// <summary>Why the workflow FAILED, as its code: the stored one, or SYSTEM_ERROR for rows from before ADR 0016; null unless FAILED.</summary>
    public string? ShownFailureCode() => Status == WorkflowStatus.Failed ? FailureCode ?? Payments.PaymentDeclineCodes.SystemError : null;

    /// <summary>Every try at the money movement, first to last (empty until move-money ran).</summary>
    public IReadOnlyList<Payments.PaymentAttempt> PaymentAttempts { get; init; } = [];

    public Guid? CustomerId { get; init; }

    public Guid? FinancialAccountId { get; init; }

    public Guid? TransactionId { get; init; }

    /// <summary>AES-GCM ciphertext of the E.164 phone number, bound to the workflow id.</summary>
    public required string EncryptedPhoneNumber { get; init; }

    public required string MaskedPhoneNumber { get; init; }

    public required string LinkTokenHash { get; init; }

    public string? PasscodeHash { get; init; }

    public int FailedPasscodeAttempts { get; init; }

    /// <summary>
    /// When the link locked after <see cref="LinXOptions.MaxPasscodeAttempts"/> wrong passcodes; null while it is not
    /// locked. A property of the workflow, not a status: a locked workflow stays ACTIVE (or CREATED) until it expires,
    /// is cancelled, or the business gives it a new passcode, which unlocks it.
    /// </summary>
    public DateTimeOffset? LockedAt { get; init; }

    /// <summary>Whether the link is locked (<see cref="LockedAt"/>): no passcode is checked, no reminder sent, no resend taken.</summary>
    public bool IsLocked => LockedAt is not null;

    /// <summary>Whether the customer can still act at <paramref name="now"/>: CREATED or ACTIVE, and not past its expiry.</summary>
    public bool IsOpenAt(DateTimeOffset now) => Status.IsOpen() && ExpireAt > now;

    /// <summary>SHA-256 hex of the Idempotency-Key header, if one was given.</summary>
    public string? IdempotencyKeyHash { get; init; }

    /// <summary>SHA-256 hex of the request body.</summary>
    public required string RequestHash { get; init; }

    /// <summary>The batch that started this workflow (null: created directly).</summary>
    public Guid? BatchId { get; init; }

    /// <summary>The entry of <see cref="BatchId"/> it was started for (its 0-based position).</summary>
    public int? BatchPosition { get; init; }

    /// <summary>Version of the last orchestrator update applied; updates with a lower or equal version are ignored.</summary>
    public long Version { get; init; }

    /// <summary>Optimistic concurrency tag of the stored row.</summary>
    public string? ETag { get; init; }

    public StepState? CurrentStepState => CurrentStep >= 0 && CurrentStep < Steps.Count ? Steps[CurrentStep] : null;
}
