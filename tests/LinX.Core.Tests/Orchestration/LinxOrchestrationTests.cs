using LinX.Core.Activities;
using LinX.Core.Orchestration;
using LinX.Core.Payments;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Orchestration;

/// <summary>
/// Decision tests of <see cref="LinxOrchestration"/> on a strict Moq <c>TaskOrchestrationContext</c>
/// (<see cref="ScriptedContext"/>): which activities run, in which order, with which inputs, and what each snapshot
/// says. The replay of the whole orchestration on the SDK's engine is <see cref="LinxOrchestrationReplayTests"/>.
/// Split by theme: .Seeds, .Waiting, .Failures, .Events, .Reminders, .Settlement, .StepWrites (the rows the step activities write).
/// </summary>
public sealed partial class LinxOrchestrationTests
{
    private static readonly DateTime Start = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Guid BusinessId = Guid.Parse("5d1a3f0e-7c2b-4e8a-9f61-2b7d4c9e0a15");
    private static readonly Guid WorkflowId = Guid.Parse("0b8f3c62-7f0e-4b4e-9d4a-6c1f2e3d4a5b");
    private static readonly Guid NewCustomerId = Guid.Parse("11111111-1111-4111-8111-111111111111");
    private static readonly Guid NewAccountId = Guid.Parse("22222222-2222-4222-8222-222222222222");
    private static readonly Guid TransactionId = Guid.Parse("33333333-3333-4333-8333-333333333333");

    private LinxOrchestrationInput? _input;

    /// <summary>A script for <paramref name="plan"/> started at <see cref="Start"/>, every activity answering success.</summary>
    private ScriptedContext Script(WorkflowPlan plan, TimeSpan? reminderInterval = null)
    {
        _input = new LinxOrchestrationInput(WorkflowId, BusinessId, plan, Start + plan.ExpireIn, reminderInterval ?? TimeSpan.FromDays(1));
        return new ScriptedContext(Start)
            .ListenFor<WorkflowEvent>(WorkflowEvent.EventName)
            .Answer<SendNotificationInput, SendNotificationOutput>(ActivityNames.SendNotification, ActivityOutputs.Sent)
            .Answer<WorkflowStatusUpdate, bool>(ActivityNames.UpdateWorkflowStatus, _ => true)
            .Answer<CreateCustomerAccountInput, StepActivityOutput>(ActivityNames.CreateCustomerAccount, _ => ActivityOutputs.Found(NewCustomerId))
            .Answer<LookupInput, StepActivityOutput>(ActivityNames.LookupProfile, i => ActivityOutputs.Found(i.Id))
            .Answer<CreateFinancialAccountInput, StepActivityOutput>(ActivityNames.CreateFinancialAccount, _ => ActivityOutputs.Found(NewAccountId))
            .Answer<LookupInput, StepActivityOutput>(ActivityNames.LookupFinancialAccount, i => ActivityOutputs.Found(i.Id))
            .Answer<EnhanceProfileInput, StepActivityOutput>(ActivityNames.EnhanceProfile, ActivityOutputs.Enhanced)
            .Answer<AcceptDocumentsInput, StepActivityOutput>(ActivityNames.AcceptDocuments, ActivityOutputs.Accepted)
            .Answer<MoveMoneyInput, TransactionOutput>(ActivityNames.MoveMoney, _ => ActivityOutputs.Transaction(TransactionId, TransactionStatus.Settled));
    }

    private Task<WorkflowResult> RunAsync(ScriptedContext o) => o.RunAsync(c => LinxOrchestration.RunAsync(c, _input!));

    /// <summary>The last workflow row written, by UpdateWorkflowStatus or by a step's activity (<see cref="StatusWrites"/>).</summary>
    private static WorkflowStatusUpdate LastUpdate(ScriptedContext o) => o.StatusSnapshots[^1];

    private static LinxCustomStatus LastCustomStatus(ScriptedContext o) => Assert.IsType<LinxCustomStatus>(o.CustomStatuses[^1]);

    /// <summary>
    /// What holds after every run: each call carries the retry policy, no lost race is left running, and every snapshot
    /// carried (written or not) is of this workflow with a version above all carried before it, and holds the steps'
    /// display data only sealed (ADR 0011).
    /// </summary>
    private static void AssertWellBehaved(ScriptedContext o)
    {
        Assert.All(o.Calls, c => Assert.Same(LinxOrchestration.ActivityRetry, c.Options));
        Assert.DoesNotContain(o.Timers, t => t.Abandoned);
        Assert.DoesNotContain(o.EventWaits, w => w.Abandoned);
        Assert.All(o.StatusSnapshots, u => Assert.Equal((BusinessId, WorkflowId), (u.BusinessId, u.WorkflowId)));
        var versions = o.Calls.Select(c => StatusWrites.CarriedVersion(c.Input)).OfType<long>().ToList();
        Assert.Equal(versions.Order().Distinct(), versions);
        var carried = o.Calls.Select(c => StatusWrites.Carried(c.Input)).OfType<WorkflowStatusUpdate>().ToList();
        Assert.All(carried, u => Assert.All(u.Steps, s => Assert.Null(s.Data)));
        Assert.All(carried, u => Assert.Equal(u.Steps.Count, u.SealedData?.Count));
    }
}
