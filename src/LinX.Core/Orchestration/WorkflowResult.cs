using LinX.Core.Workflows;

namespace LinX.Core.Orchestration;

/// <summary>Output of <see cref="LinxOrchestration"/>: the final status and the ids it created or used.</summary>
public sealed record WorkflowResult(
    WorkflowStatus Status,
    Guid? CustomerId = null,
    Guid? FinancialAccountId = null,
    Guid? TransactionId = null,
    string? Reason = null);
