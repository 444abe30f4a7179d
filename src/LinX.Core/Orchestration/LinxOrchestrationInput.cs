using LinX.Core.Workflows;

namespace LinX.Core.Orchestration;

/// <summary>
/// Input of <see cref="LinxOrchestration"/>. Stored in orchestration history: the plan's phone number is masked
/// (activities read the encrypted number from the workflow row).
/// </summary>
/// <remarks><c>ExpireAt</c>: UTC expiry. <c>ReminderInterval</c>: Time between reminders; reminders never go out at or after expiry.</remarks>
public sealed record LinxOrchestrationInput(
    Guid WorkflowId,
    Guid BusinessId,
    WorkflowPlan Plan,
    DateTime ExpireAt,
    TimeSpan ReminderInterval);
