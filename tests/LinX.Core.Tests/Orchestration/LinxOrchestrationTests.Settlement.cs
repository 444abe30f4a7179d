using LinX.Core.Activities;
using LinX.Core.Orchestration;
using LinX.Core.Payments;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Orchestration;

/// <summary>ACH to a new bank account: the workflow completes at once, the transaction settles after a durable timer.</summary>
public sealed partial class LinxOrchestrationTests
{
    private static readonly DateTime SettleAt = Start + TimeSpan.FromHours(6);

    [Fact]
    public async Task RunAsync_AchTransaction_CompletesThenSettlesAfterDurableTimer()
    {
        // Arrange
        var o = AchScript()
            .Answer<SettleTransactionInput, TransactionOutput>(ActivityNames.SettleTransaction, _ => ActivityOutputs.Transaction(TransactionId, TransactionStatus.Settled))
            .FireTimer();

        // Act
        var result = await RunAsync(o);

        // Assert: COMPLETED is written before the settlement timer; the settlement then updates the step's data.
        Assert.Equal(new WorkflowResult(WorkflowStatus.Completed, NewCustomerId, NewAccountId, TransactionId), result);
        var create = Assert.Single(o.InputsOf<CreateFinancialAccountInput>());
        Assert.Equal((FinancialAccountSubType.Checking, null, Plans.SealedBank()), (create.SubType, create.SealedCard, create.SealedBankAccount));
        Assert.Equal(SettleAt, o.TimersCreated.Last());
        Assert.Equal(
            [ActivityNames.MoveMoney, ActivityNames.SettleTransaction, ActivityNames.UpdateWorkflowStatus],
            o.ActivitySequence.TakeLast(3));
        Assert.Equal(new SettleTransactionInput(BusinessId, TransactionId), Assert.Single(o.InputsOf<SettleTransactionInput>()));
        Assert.Equal(SettleAt, o.Calls.Single(c => c.Name == ActivityNames.SettleTransaction).At);
        var updates = o.StatusSnapshots;
        Assert.Equal((WorkflowStatus.Completed, "PENDING"), (updates[^2].Status, updates[^2].Steps[3].Data!["status"]));
        Assert.Equal(updates[^2].Version + 1, updates[^1].Version);
        Assert.Equal((WorkflowStatus.Completed, "SETTLED"), (updates[^1].Status, updates[^1].Steps[3].Data!["status"]));
        Assert.Equal(updates[^2].CompletedAt, updates[^1].CompletedAt);
        Assert.True(updates[^1].CompletedAt < new DateTimeOffset(SettleAt));
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_SettlementFailsForGood_StaysCompletedWithPendingTransactionAndLogsWarning()
    {
        var o = AchScript()
            .Fail<TransactionOutput>(ActivityNames.SettleTransaction, "System.TimeoutException", "processor timeout")
            .FireTimer();

        var result = await RunAsync(o);

        Assert.Equal(new WorkflowResult(WorkflowStatus.Completed, NewCustomerId, NewAccountId, TransactionId), result);
        Assert.Equal(ActivityNames.SettleTransaction, o.ActivitySequence.Last());
        Assert.Equal((WorkflowStatus.Completed, "PENDING", null), (LastUpdate(o).Status, LastUpdate(o).Steps[3].Data!["status"], LastUpdate(o).FailureReason));
        var warning = Assert.Single(o.Logs.InCategory(LinxOrchestration.Name));
        Assert.Equal((5, $"Activity SettleTransaction of workflow {WorkflowId} failed for good: System.TimeoutException"), (warning.EventId, warning.Message));
        AssertWellBehaved(o);
    }

    private ScriptedContext AchScript() =>
        Script(Plans.RebateToNewCard(PaymentSolution.Ach))
            .Answer<MoveMoneyInput, TransactionOutput>(ActivityNames.MoveMoney, _ => ActivityOutputs.Transaction(TransactionId, TransactionStatus.Pending, SettleAt))
            .Raise(WorkflowEvent.SubmitProfile(Plans.SealedProfile()))
            .Raise(WorkflowEvent.SubmitBankAccount(Plans.SealedBank()))
            .Raise(WorkflowEvent.Confirm(StepNames.MoveMoney));
}
