using LinX.Core.Workflows;

namespace LinX.Core.Orchestration;

/// <summary>
/// Input of <see cref="LinxOrchestration"/>. Stored in orchestration history: the plan's phone number is masked
/// (activities read the encrypted number from the workflow row).
/// </summary>
/// <remarks>
/// <c>ExpireAt</c>: UTC expiry. <c>ReminderInterval</c>: Time between reminders; reminders never go out at or after expiry.
/// <c>DevTimeTravel</c>: the orchestrator honours <see cref="WorkflowEventKind.RemindNow"/> and <see cref="WorkflowEventKind.ExpireNow"/>;
/// set at create time from <see cref="LinXOptions.DevTimeTravel"/> (LinX.Local in Development only). False in the inputs
/// of instances started before it existed, which therefore ignore those events as every production instance does.
/// </remarks>
public sealed record LinxOrchestrationInput(
    Guid WorkflowId,
    Guid BusinessId,
    WorkflowPlan Plan,
    DateTime ExpireAt,
    TimeSpan ReminderInterval,
    bool DevTimeTravel = false);
