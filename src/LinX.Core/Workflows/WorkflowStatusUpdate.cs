using LinX.Core.Security;

namespace LinX.Core.Workflows;

/// <summary>
/// A snapshot of the orchestrator's state for the workflow row. <paramref name="Version"/> increases with
/// each update, so a re-run or late update never moves the row back.
/// </summary>
/// <remarks>
/// The orchestrator sends <c>Steps</c> without display data: it holds each step's data only as the step's activity
/// returned it, sealed for the workflow, in <c>SealedData</c> (by step index, null where there is none).
/// <c>UpdateWorkflowStatus</c> opens it into <see cref="StepState.Data"/> before the row is written (ADR 0011).
/// <c>FailureCode</c> and <c>PaymentAttempts</c> are null in snapshots of histories from before ADR 0016 (kept as stored).
/// </remarks>
public sealed record WorkflowStatusUpdate(
    Guid BusinessId,
    Guid WorkflowId,
    long Version,
    WorkflowStatus Status,
    int CurrentStep,
    IReadOnlyList<StepState> Steps,
    DateTimeOffset ExpireAt,
    DateTimeOffset? NextNotificationAt,
    DateTimeOffset? CompletedAt,
    string? DeclineReason,
    string? DeclineComment,
    string? FailureReason,
    Guid? CustomerId,
    Guid? FinancialAccountId,
    Guid? TransactionId,
    IReadOnlyList<Sealed<IReadOnlyDictionary<string, string>>?>? SealedData = null,
    string? FailureCode = null,
    IReadOnlyList<Payments.PaymentAttempt>? PaymentAttempts = null)
{
    /// <summary>
    /// Keyed hashes of search terms to add to the workflow's index (<see cref="WorkflowRecord.SearchTerms"/>): set by the
    /// activity when the customer becomes known, never by the orchestrator (no hash of personal data in its history).
    /// </summary>
    public IReadOnlyList<string>? AddedSearchTerms { get; init; }

    /// <summary>
    /// The snapshot as the row holds it: each step's sealed data opened by <paramref name="open"/>. Data already in the
    /// clear (the step an activity just completed, or a snapshot from a history before ADR 0011) is kept.
    /// </summary>
    public WorkflowStatusUpdate Opened(Func<Sealed<IReadOnlyDictionary<string, string>>, IReadOnlyDictionary<string, string>> open) =>
        SealedData is not { } sealedData ? this : this with
        {
            Steps = [.. Steps.Select((step, i) => step.Data is null && sealedData.ElementAtOrDefault(i) is { } data ? step with { Data = open(data) } : step)],
            SealedData = null,
        };
}
