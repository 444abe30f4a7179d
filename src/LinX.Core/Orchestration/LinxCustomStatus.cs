using LinX.Core.Workflows;

namespace LinX.Core.Orchestration;

/// <summary>The orchestration's custom status, shown by the Durable status endpoint (no personal data).</summary>
public sealed record LinxCustomStatus(
    WorkflowStatus Status,
    int CurrentStep,
    string? CurrentStepName,
    IReadOnlyList<LinxCustomStatusStep> Steps,
    DateTime ExpireAt,
    DateTime? NextNotificationAt);

/// <summary>One step in <see cref="LinxCustomStatus"/>.</summary>
public sealed record LinxCustomStatusStep(string Name, StepStatus Status);
