using LinX.Core.Activities;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Orchestration;

/// <summary>Events that must have no effect, the snapshots every change writes, and replay-safe logging.</summary>
public sealed partial class LinxOrchestrationTests
{
    [Fact]
    public async Task RunAsync_DuplicateAndStaleSubmissions_HaveExactlyOneEffect()
    {
        // Arrange: a confirm for a later step, then the card before the profile, then 20 profiles, two cards, the confirm.
        var o = Script(Plans.RebateToNewCard())
            .Raise(WorkflowEvent.Confirm(StepNames.MoveMoney))
            .Raise(WorkflowEvent.SubmitCard(Plans.SealedCard()));
        for (var i = 0; i < 20; i++)
        {
            o.Raise(WorkflowEvent.SubmitProfile(Plans.SealedProfile()));
        }

        o.Raise(WorkflowEvent.SubmitCard(Plans.SealedCard())).Raise(WorkflowEvent.SubmitCard(Plans.SealedCard())).Raise(WorkflowEvent.Confirm(StepNames.MoveMoney));

        // Act
        var result = await RunAsync(o);

        // Assert
        Assert.Equal(new WorkflowResult(WorkflowStatus.Completed, NewCustomerId, NewAccountId, TransactionId), result);
        Assert.Single(o.InputsOf<CreateCustomerAccountInput>());
        Assert.Single(o.InputsOf<CreateFinancialAccountInput>());
        Assert.Single(o.InputsOf<MoveMoneyInput>());
        Assert.Equal(2 + 19 + 1, o.Logs.InCategory(LinxOrchestration.Name).Count(e => e.EventId == 7));
        Assert.Equal(
            [(WorkflowStatus.Active, 1), (WorkflowStatus.Active, 2), (WorkflowStatus.Active, 3), (WorkflowStatus.Completed, 3)],
            o.StatusSnapshots.Select(u => (u.Status, u.CurrentStep)));
        Assert.DoesNotContain(ActivityNames.UpdateWorkflowStatus, o.ActivitySequence);
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_BankSubmissionForCardStep_IsIgnoredAndLogged()
    {
        var o = Script(Plans.NewCard())
            .Raise(WorkflowEvent.Confirm(StepNames.LookupProfile))
            .Raise(WorkflowEvent.SubmitBankAccount(Plans.SealedBank()))
            .Raise(WorkflowEvent.Cancel());

        var result = await RunAsync(o);

        Assert.Equal(WorkflowStatus.Cancelled, result.Status);
        Assert.Empty(o.InputsOf<CreateFinancialAccountInput>());
        var ignored = Assert.Single(o.Logs.InCategory(LinxOrchestration.Name));
        Assert.Equal($"Workflow {WorkflowId} ignored a Submit event for step financial-account", ignored.Message);
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_WhileReplaying_WritesNoLog()
    {
        var o = Script(Plans.NewCard())
            .Raise(WorkflowEvent.Confirm(StepNames.MoveMoney))
            .Raise(WorkflowEvent.Cancel());
        o.IsReplaying = true;

        var result = await RunAsync(o);

        Assert.Equal(WorkflowStatus.Cancelled, result.Status);
        Assert.Empty(o.Logs.Entries);
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_EveryUpdate_HasIncreasingVersionAndMatchingCustomStatus()
    {
        var o = ConfirmEverything(Script(Plans.RebateToExistingCard()));

        await RunAsync(o);

        var updates = o.StatusSnapshots;
        Assert.Equal(Enumerable.Range(1, updates.Count).Select(i => (long)i), updates.Select(u => u.Version));
        var statuses = o.CustomStatuses.Cast<LinxCustomStatus>().ToList();
        Assert.Equal(
            updates.Select(u => (u.Status, u.CurrentStep, u.ExpireAt.UtcDateTime, u.NextNotificationAt?.UtcDateTime)),
            statuses.Select(s => (s.Status, s.CurrentStep, s.ExpireAt, s.NextNotificationAt)));
        Assert.Equal(
            updates.Select(u => u.Steps.Select(s => (s.Name, s.Status)).ToList()),
            statuses.Select(s => s.Steps.Select(p => (p.Name, p.Status)).ToList()));
        Assert.Equal(
            [StepNames.LookupProfile, StepNames.LookupProfile, StepNames.LookupFinancialAccount, StepNames.LookupFinancialAccount, StepNames.MoveMoney, StepNames.MoveMoney],
            statuses.Select(s => s.CurrentStepName));
        AssertWellBehaved(o);
    }
}
