using LinX.Core.Activities;
using LinX.Core.Notifications;
using LinX.Core.Orchestration;
using LinX.Core.Payments;
using LinX.Core.Workflows;
using Microsoft.DurableTask.Client;

namespace LinX.Core.Tests.Orchestration;

/// <summary>
/// The whole <see cref="LinxOrchestration"/> on the SDK's in-memory engine (<see cref="ReplayHost"/>): every await is a
/// real history event, so each episode replays the orchestration from the start; timers and events are real.
/// Split: this file runs the flows to completion, .Waiting the things that happen while a step waits.
/// </summary>
public sealed partial class LinxOrchestrationReplayTests(ReplayHost host) : IClassFixture<ReplayHost>
{
    private readonly Guid _businessId = Guid.NewGuid();
    private readonly Guid _workflowId = Guid.NewGuid();

    [Fact]
    public async Task RunAsync_NewCustomerSeed_CompletesWithCustomerIdInWebJson()
    {
        // Arrange
        var id = await host.StartAsync(Input(Plans.NewCustomer()));
        var waiting = await host.WaitingAtAsync(id, 1);

        // Act
        await host.RaiseAsync(id, WorkflowEvent.SubmitProfile(Plans.SealedProfile()));
        var done = await host.CompletedAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(new WorkflowResult(WorkflowStatus.Completed, FakeActivities.CustomerIdOf(_workflowId)), done.ReadOutputAs<WorkflowResult>());
        Assert.Contains("\"currentStep\":1", waiting.SerializedCustomStatus, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"COMPLETED\"", done.SerializedOutput, StringComparison.Ordinal);
        Assert.Contains("\"workflowId\":", done.SerializedInput, StringComparison.Ordinal);
        Assert.Equal([ActivityNames.SendNotification, ActivityNames.CreateCustomerAccount], Calls().Select(c => c.Name));
        Assert.Equal(Plans.SealedProfile(), Assert.Single(Inputs<CreateCustomerAccountInput>()).SealedProfile);
        Assert.Equal(
            [(1L, WorkflowStatus.Active, 1, (Guid?)null), (2L, WorkflowStatus.Completed, 1, FakeActivities.CustomerIdOf(_workflowId))],
            Snapshots().Select(u => (u.Version, u.Status, u.CurrentStep, u.CustomerId)));
        Assert.NotNull(Snapshots()[^1].CompletedAt);
        Assert.Equal(WorkflowStatus.Completed, done.ReadCustomStatusAs<LinxCustomStatus>()!.Status);
    }

    [Fact]
    public async Task RunAsync_RebateToNewBankAccountByAch_MovesMoneyThenSettlesAfterTheTimer()
    {
        var id = await host.StartAsync(Input(Plans.RebateToNewCard(PaymentSolution.Ach)));
        await host.WaitingAtAsync(id, 1);

        await host.RaiseAsync(id, WorkflowEvent.SubmitProfile(Plans.SealedProfile()));
        await host.WaitingAtAsync(id, 2);
        await host.RaiseAsync(id, WorkflowEvent.SubmitBankAccount(Plans.SealedBank()));
        await host.WaitingAtAsync(id, 3);
        await host.RaiseAsync(id, WorkflowEvent.Confirm(StepNames.MoveMoney));
        var done = await host.CompletedAsync(id);

        var transactionId = FakeActivities.TransactionIdOf(_workflowId);
        Assert.Equal(
            new WorkflowResult(WorkflowStatus.Completed, FakeActivities.CustomerIdOf(_workflowId), FakeActivities.AccountIdOf(_workflowId), transactionId),
            done.ReadOutputAs<WorkflowResult>());
        var create = Assert.Single(Inputs<CreateFinancialAccountInput>());
        Assert.Equal((FakeActivities.CustomerIdOf(_workflowId), FinancialAccountSubType.Checking, Plans.SealedBank()), (create.CustomerId, create.SubType, create.SealedBankAccount));
        Assert.Equal(
            new MoveMoneyInput(_businessId, _workflowId, FakeActivities.AccountIdOf(_workflowId), Plans.Rebate(PaymentSolution.Ach), Attempt: 1),
            Assert.Single(Inputs<MoveMoneyInput>()) with { Then = null });
        var calls = Calls();
        var moved = calls.Single(c => c.Name == ActivityNames.MoveMoney);
        var settled = calls.Single(c => c.Name == ActivityNames.SettleTransaction);
        Assert.Equal(new SettleTransactionInput(_businessId, transactionId), settled.Input);
        Assert.True(settled.At - moved.At >= FakeActivities.AchSettlesAfter - Tolerance, "The settlement ran before its timer.");
        var updates = Snapshots();
        Assert.Equal(Enumerable.Range(1, updates.Count).Select(i => (long)i), updates.Select(u => u.Version));
        Assert.Equal([ActivityNames.SettleTransaction, ActivityNames.UpdateWorkflowStatus], calls.TakeLast(2).Select(c => c.Name));
        Assert.Equal((WorkflowStatus.Completed, "PENDING"), (updates[^2].Status, updates[^2].Steps[3].Data!["status"]));
        Assert.Equal((WorkflowStatus.Completed, "SETTLED"), (updates[^1].Status, updates[^1].Steps[3].Data!["status"]));
    }

    [Fact]
    public async Task RunAsync_EventsRaisedBeforeTheOrchestratorWaits_AreBufferedAndAppliedInOrder()
    {
        // Arrange: every submission is raised at once, before the first SMS is even sent.
        var id = await host.StartAsync(Input(Plans.RebateToNewCard()));

        // Act
        await host.RaiseAsync(id, WorkflowEvent.SubmitProfile(Plans.SealedProfile()));
        await host.RaiseAsync(id, WorkflowEvent.SubmitCard(Plans.SealedCard()));
        await host.RaiseAsync(id, WorkflowEvent.Confirm(StepNames.MoveMoney));
        var done = await host.CompletedAsync(id);

        // Assert
        Assert.Equal(
            new WorkflowResult(WorkflowStatus.Completed, FakeActivities.CustomerIdOf(_workflowId), FakeActivities.AccountIdOf(_workflowId), FakeActivities.TransactionIdOf(_workflowId)),
            done.ReadOutputAs<WorkflowResult>());
        Assert.Equal(
            [ActivityNames.SendNotification, ActivityNames.CreateCustomerAccount, ActivityNames.CreateFinancialAccount, ActivityNames.MoveMoney],
            Calls().Select(c => c.Name));
        Assert.Equal([1L, 2L, 3L, 4L], Snapshots().Select(u => u.Version));
        Assert.Equal((WorkflowStatus.Completed, FakeActivities.TransactionIdOf(_workflowId)), (Snapshots()[^1].Status, Snapshots()[^1].TransactionId));
    }

    [Fact]
    public async Task RunAsync_DuplicateSubmissions_HaveOneEffectAndAreLoggedOnceDespiteReplays()
    {
        var id = await host.StartAsync(Input(Plans.NewCard()));
        await host.WaitingAtAsync(id, 1);

        await host.RaiseAsync(id, WorkflowEvent.Confirm(StepNames.LookupProfile));
        await host.RaiseAsync(id, WorkflowEvent.Confirm(StepNames.LookupProfile));
        await host.RaiseAsync(id, WorkflowEvent.SubmitBankAccount(Plans.SealedBank()));
        await host.RaiseAsync(id, WorkflowEvent.SubmitCard(Plans.SealedCard()));
        var done = await host.CompletedAsync(id);

        Assert.Equal(WorkflowStatus.Completed, done.ReadOutputAs<WorkflowResult>()!.Status);
        Assert.Single(Inputs<LookupInput>());
        Assert.Equal(Plans.SealedCard(), Assert.Single(Inputs<CreateFinancialAccountInput>()).SealedCard);
        var ignored = host.Logs.InCategory(LinxOrchestration.Name).Where(e => e.EventId == 7 && e.Message.Contains(_workflowId.ToString(), StringComparison.Ordinal));
        Assert.Equal(
            [$"Workflow {_workflowId} ignored a Submit event for step lookup-profile", $"Workflow {_workflowId} ignored a Submit event for step financial-account"],
            ignored.Select(e => e.Message));
    }

    [Fact]
    public async Task RunAsync_PlainProfileEventOfAnOlderHistory_ReplaysAndCompletes()
    {
        // Arrange: the event as LinX raised it before ADR 0011 (a plain profile), in the instance's history from then on.
        var id = await host.StartAsync(Input(Plans.NewCustomer()));
        await host.WaitingAtAsync(id, 1);

        // Act
        await host.Client.RaiseEventAsync(id, WorkflowEvent.EventName, new { kind = "Submit", stepName = StepNames.CustomerAccount, profile = Plans.Profile() });
        var done = await host.CompletedAsync(id);

        // Assert
        Assert.Equal(new WorkflowResult(WorkflowStatus.Completed, FakeActivities.CustomerIdOf(_workflowId)), done.ReadOutputAs<WorkflowResult>());
        var create = Assert.Single(Inputs<CreateCustomerAccountInput>());
        Assert.Equal((null, Plans.Profile()), (create.SealedProfile, create.Profile));
    }

    [Fact]
    public async Task RunAsync_DeclinedCardReplaced_CompletesOnTheSecondAttemptAcrossReplays()
    {
        // Arrange: the first attempt declines (recoverable); the replacement card arrives while the step waits.
        var plan = Plans.RebateToNewCard() with { Steps = [.. Plans.RebateToNewCard().Steps.SkipLast(1), Plans.Rebate(amount: FakeActivities.DeclinedOnceAmount)] };
        var id = await host.StartAsync(Input(plan));
        await host.WaitingAtAsync(id, 1);

        // Act
        await host.RaiseAsync(id, WorkflowEvent.SubmitProfile(Plans.SealedProfile()));
        await host.RaiseAsync(id, WorkflowEvent.SubmitCard(Plans.SealedCard()));
        await host.RaiseAsync(id, WorkflowEvent.Confirm(StepNames.MoveMoney));
        await host.RaiseAsync(id, WorkflowEvent.Retry(WorkflowEvent.SubmitCard(Plans.SealedCard()), 2));
        var done = await host.CompletedAsync(id);

        // Assert
        var result = done.ReadOutputAs<WorkflowResult>()!;
        Assert.Equal((WorkflowStatus.Completed, FakeActivities.AccountIdOf(_workflowId, 2)), (result.Status, result.FinancialAccountId));
        Assert.Equal([1, 2], Inputs<MoveMoneyInput>().Select(i => i.Attempt));
        Assert.Equal([0, 2], Inputs<CreateFinancialAccountInput>().Select(i => i.Attempt));
        var final = Snapshots()[^1];
        Assert.Equal([TransactionStatus.Declined, TransactionStatus.Settled], final.PaymentAttempts!.Select(a => a.Status));
        Assert.Equal([PaymentDeclineCodes.CardDeclined, null], final.PaymentAttempts!.Select(a => a.ReasonCode));
    }

    /// <summary>Timers fire on the engine's clock; allow for its and this machine's clock granularity.</summary>
    private static TimeSpan Tolerance => TimeSpan.FromMilliseconds(50);

    private LinxOrchestrationInput Input(WorkflowPlan plan, DateTime? expireAt = null) =>
        new(_workflowId, _businessId, plan, expireAt ?? DateTime.UtcNow + plan.ExpireIn, TimeSpan.FromDays(1));

    private IReadOnlyList<RecordedCall> Calls() => host.Activities.CallsOf(_businessId);

    private IEnumerable<T> Inputs<T>() => host.Activities.InputsOf<T>(_businessId);

    /// <summary>The workflow rows written, by UpdateWorkflowStatus or by a step's activity (<see cref="StatusWrites"/>).</summary>
    private IReadOnlyList<WorkflowStatusUpdate> Snapshots() => host.Activities.StatusSnapshotsOf(_businessId);
}
