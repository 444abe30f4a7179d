namespace LinX.Core.Workflows;

/// <summary>
/// A snapshot of the orchestrator's state for the workflow row. <paramref name="Version"/> increases with
/// each update, so a re-run or late update never moves the row back.
/// </summary>
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
    Guid? TransactionId);
