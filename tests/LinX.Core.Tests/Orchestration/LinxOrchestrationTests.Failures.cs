using LinX.Core.Activities;
using LinX.Core.Orchestration;
using LinX.Core.Payments;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Orchestration;

/// <summary>FAILED: activities that fail for good (<c>TaskFailedException</c>), lookups that find nothing, refused transactions.</summary>
public sealed partial class LinxOrchestrationTests
{
    [Fact]
    public async Task RunAsync_MoveMoneyFailsForGood_IsFailedWithReasonOnTheStep()
    {
        // Arrange
        var o = ConfirmEverything(Script(Plans.RebateToExistingCard())
            .Fail<TransactionOutput>(ActivityNames.MoveMoney, "System.InvalidOperationException", "Processor unavailable"));

        // Act
        var result = await RunAsync(o);

        // Assert
        Assert.Equal(
            new WorkflowResult(WorkflowStatus.Failed, Plans.DemoCustomerId, Plans.DemoCustomerAccountId, null, "The move-money step failed: Processor unavailable"),
            result);
        var final = LastUpdate(o);
        Assert.Equal((WorkflowStatus.Failed, result.Reason, 3), (final.Status, final.FailureReason, final.CurrentStep));
        Assert.Equal([StepStatus.Completed, StepStatus.Completed, StepStatus.Completed, StepStatus.Failed], final.Steps.Select(s => s.Status));
        Assert.Equal([ActivityNames.MoveMoney, ActivityNames.UpdateWorkflowStatus], o.ActivitySequence.TakeLast(2));
        var warning = Assert.Single(o.Logs.InCategory(LinxOrchestration.Name));
        Assert.Equal($"Activity MoveMoney of workflow {WorkflowId} failed for good: System.InvalidOperationException", warning.Message);
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_CreateCustomerFailsWithLongMessage_ReasonIsCutAt300Characters()
    {
        var o = Script(Plans.NewCustomer())
            .Fail<StepActivityOutput>(ActivityNames.CreateCustomerAccount, "Azure.RequestFailedException", new string('x', 400))
            .Raise(WorkflowEvent.SubmitProfile(Plans.SealedProfile()));

        var result = await RunAsync(o);

        Assert.Equal(WorkflowStatus.Failed, result.Status);
        Assert.Equal(300, result.Reason!.Length);
        Assert.StartsWith("The customer-account step failed: xxx", result.Reason, StringComparison.Ordinal);
        Assert.Equal((result.Reason, StepStatus.Failed), (LastUpdate(o).FailureReason, LastUpdate(o).Steps[1].Status));
        AssertWellBehaved(o);
    }

    [Theory]
    [InlineData(TransactionStatus.Declined, "Insufficient funds", "The transaction was DECLINED: Insufficient funds")]
    [InlineData(TransactionStatus.Error, null, "The transaction was ERROR: no reason given")]
    public async Task RunAsync_TransactionNotAccepted_IsFailedWithStatusAndReason(TransactionStatus status, string? reason, string expected)
    {
        var o = ConfirmEverything(Script(Plans.RebateToExistingCard())
            .Answer<MoveMoneyInput, TransactionOutput>(ActivityNames.MoveMoney, _ => ActivityOutputs.Transaction(TransactionId, status, reason: reason)));

        var result = await RunAsync(o);

        Assert.Equal(new WorkflowResult(WorkflowStatus.Failed, Plans.DemoCustomerId, Plans.DemoCustomerAccountId, TransactionId, expected), result);
        var final = LastUpdate(o);
        Assert.Equal((expected, TransactionId, StepStatus.Failed), (final.FailureReason, final.TransactionId, final.Steps[3].Status));
        Assert.Equal(status.ToString().ToUpperInvariant(), final.Steps[3].Data!["status"]);
        Assert.DoesNotContain(ActivityNames.SettleTransaction, o.ActivitySequence);
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_ProfileNotFound_FailsWithoutWaiting()
    {
        var o = Script(Plans.NewCard())
            .Answer<LookupInput, StepActivityOutput>(ActivityNames.LookupProfile, i => ActivityOutputs.NotFound(i.Id));

        var result = await RunAsync(o);

        Assert.Equal(new WorkflowResult(WorkflowStatus.Failed, Reason: "The customer of the lookup-profile step was not found."), result);
        Assert.Empty(o.TimersCreated);
        Assert.Empty(o.EventWaits);
        Assert.Equal((StepStatus.Failed, 1), (LastUpdate(o).Steps[1].Status, LastUpdate(o).CurrentStep));
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_FinancialAccountNotFoundForCustomer_FailsAtThatStep()
    {
        var o = Script(Plans.RebateToExistingCard())
            .Answer<LookupInput, StepActivityOutput>(ActivityNames.LookupFinancialAccount, i => ActivityOutputs.NotFound(i.Id))
            .Raise(WorkflowEvent.Confirm(StepNames.LookupProfile));

        var result = await RunAsync(o);

        Assert.Equal(
            new WorkflowResult(WorkflowStatus.Failed, Plans.DemoCustomerId, Reason: "The financial account of the lookup-financial-account step was not found for this customer."),
            result);
        Assert.Equal(new LookupInput(BusinessId, Plans.DemoCustomerAccountId, Plans.DemoCustomerId, WorkflowId), o.InputsOf<LookupInput>().Last());
        Assert.Equal([StepStatus.Completed, StepStatus.Completed, StepStatus.Failed, StepStatus.Created], LastUpdate(o).Steps.Select(s => s.Status));
        Assert.DoesNotContain(ActivityNames.MoveMoney, o.ActivitySequence);
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_InitialSmsFails_IsFailedAtTheNotificationStep()
    {
        var o = Script(Plans.NewCustomer())
            .Fail<SendNotificationOutput>(ActivityNames.SendNotification, "SmsDeliveryException", "refused");

        var result = await RunAsync(o);

        Assert.Equal(new WorkflowResult(WorkflowStatus.Failed, Reason: "The notification could not be sent."), result);
        Assert.Equal([ActivityNames.SendNotification, ActivityNames.UpdateWorkflowStatus], o.ActivitySequence);
        var final = Assert.Single(o.StatusSnapshots); // the SMS's snapshot was not written, but took version 1
        Assert.Equal((WorkflowStatus.Failed, 0, 2L), (final.Status, final.CurrentStep, final.Version));
        Assert.Equal([StepStatus.Failed, StepStatus.Created], final.Steps.Select(s => s.Status));
        Assert.Empty(o.EventWaits);
        AssertWellBehaved(o);
    }

    private static ScriptedContext ConfirmEverything(ScriptedContext o) =>
        o.Raise(WorkflowEvent.Confirm(StepNames.LookupProfile))
            .Raise(WorkflowEvent.Confirm(StepNames.LookupFinancialAccount))
            .Raise(WorkflowEvent.Confirm(StepNames.MoveMoney));
}
