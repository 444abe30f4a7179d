using LinX.Core.Activities;
using LinX.Core.Orchestration;
using LinX.Core.Payments;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Orchestration;

/// <summary>
/// The row a step's activity writes once it has succeeded (<see cref="StatusAfterStep"/>, ADR 0010): what it says, that
/// no UpdateWorkflowStatus repeats it, and that a step that fails or is refused leaves it unwritten and the state where it was.
/// </summary>
public sealed partial class LinxOrchestrationTests
{
    [Theory]
    [InlineData(24, 24)]
    [InlineData(72, null)] // the first reminder would come after the expiry (two days): none
    public async Task RunAsync_InitialSms_CarriesActiveSnapshotWithStepOneActiveAndNoUpdateFollows(int reminderHours, int? nextReminderHours)
    {
        // Arrange
        var o = Script(Plans.RebateToNewCard(), TimeSpan.FromHours(reminderHours)).Raise(WorkflowEvent.Cancel());
        DateTime? nextReminder = nextReminderHours is { } hours ? Start.AddHours(hours) : null;

        // Act
        var result = await RunAsync(o);

        // Assert: the SMS carries the ACTIVE row; the only UpdateWorkflowStatus is the cancellation's.
        Assert.Equal(WorkflowStatus.Cancelled, result.Status);
        Assert.Equal([ActivityNames.SendNotification, ActivityNames.UpdateWorkflowStatus], o.ActivitySequence);
        var then = Assert.Single(o.InputsOf<SendNotificationInput>()).Then;
        Assert.NotNull(then);
        Assert.Equal(0, then.Step);
        var active = then.Update;
        Assert.Equal((BusinessId, WorkflowId, 1L, WorkflowStatus.Active, 1), (active.BusinessId, active.WorkflowId, active.Version, active.Status, active.CurrentStep));
        Assert.Equal(
            [(StepNames.Notification, StepStatus.Completed), (StepNames.CustomerAccount, StepStatus.Active), (StepNames.FinancialAccount, StepStatus.Created), (StepNames.MoveMoney, StepStatus.Created)],
            active.Steps.Select(s => (s.Name, s.Status)));
        Assert.Equal(nextReminder is { } n ? new DateTimeOffset(n) : null, active.NextNotificationAt);
        Assert.Equal((new DateTimeOffset(Start.AddDays(2)), null, null, null), (active.ExpireAt, active.CompletedAt, active.CustomerId, active.FailureReason));

        // The orchestrator went on from that same state: what it showed while waiting, the timer it set, the next version.
        var waiting = Assert.IsType<LinxCustomStatus>(o.CustomStatuses[0]);
        Assert.Equal((WorkflowStatus.Active, 1, StepNames.CustomerAccount, nextReminder), (waiting.Status, waiting.CurrentStep, waiting.CurrentStepName, waiting.NextNotificationAt));
        Assert.Equal([nextReminder ?? Start.AddDays(2)], o.TimersCreated);
        var cancelled = Assert.Single(o.InputsOf<WorkflowStatusUpdate>());
        Assert.Equal((WorkflowStatus.Cancelled, 2L), (cancelled.Status, cancelled.Version));
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_CustomerAccountIsTheLastStep_ItsActivityCarriesCompletedSnapshotAndNoUpdateFollows()
    {
        // Arrange: the profile comes five hours after the SMS.
        var submittedAt = Start.AddHours(5);
        var o = Script(Plans.NewCustomer()).Raise(WorkflowEvent.SubmitProfile(Plans.SealedProfile()), TimeSpan.FromHours(5));

        // Act
        var result = await RunAsync(o);

        // Assert
        Assert.Equal(new WorkflowResult(WorkflowStatus.Completed, NewCustomerId), result);
        Assert.Equal([ActivityNames.SendNotification, ActivityNames.CreateCustomerAccount], o.ActivitySequence);
        var call = o.Calls[^1];
        Assert.Equal(submittedAt, call.At);
        var then = ((CreateCustomerAccountInput)call.Input!).Then;
        Assert.NotNull(then);
        var completed = then.Update;
        Assert.Equal((1, 2L, WorkflowStatus.Completed, 1), (then.Step, completed.Version, completed.Status, completed.CurrentStep));
        Assert.Equal([StepStatus.Completed, StepStatus.Completed], completed.Steps.Select(s => s.Status));
        Assert.Equal((new DateTimeOffset(submittedAt), null), (completed.CompletedAt, completed.NextNotificationAt));
        Assert.Equal((null, null), (completed.CustomerId, completed.Steps[1].Data)); // what only the activity knows

        // Written with the activity's result, it is the workflow's final row.
        var final = LastUpdate(o);
        Assert.Equal((2L, WorkflowStatus.Completed, NewCustomerId), (final.Version, final.Status, final.CustomerId));
        Assert.Equal(NewCustomerId.ToString("D"), final.Steps[1].Data!["id"]);
        Assert.Equal((WorkflowStatus.Completed, 1, null), (LastCustomStatus(o).Status, LastCustomStatus(o).CurrentStep, LastCustomStatus(o).NextNotificationAt));
        AssertWellBehaved(o);
    }

    [Theory]
    [InlineData(TransactionStatus.Declined)]
    [InlineData(TransactionStatus.Error)]
    public async Task RunAsync_TransactionNotAccepted_PersistsFailedWithVersionAboveTheCarriedSnapshot(TransactionStatus status)
    {
        // Arrange
        var o = ConfirmEverything(Script(Plans.RebateToExistingCard())
            .Answer<MoveMoneyInput, TransactionOutput>(ActivityNames.MoveMoney, _ => ActivityOutputs.Transaction(TransactionId, status, reason: "refused")));

        // Act
        var result = await RunAsync(o);

        // Assert: MoveMoney carried COMPLETED, did not write it; the FAILED row that follows outranks it.
        Assert.Equal(WorkflowStatus.Failed, result.Status);
        Assert.Equal([ActivityNames.MoveMoney, ActivityNames.UpdateWorkflowStatus], o.ActivitySequence.TakeLast(2));
        var carried = Assert.Single(o.InputsOf<MoveMoneyInput>()).Then;
        Assert.NotNull(carried);
        Assert.Equal((3, WorkflowStatus.Completed), (carried.Step, carried.Update.Status));
        var failed = o.InputsOf<WorkflowStatusUpdate>().Last();
        Assert.Equal((WorkflowStatus.Failed, 3, TransactionId, null), (failed.Status, failed.CurrentStep, failed.TransactionId, failed.CompletedAt));
        Assert.True(failed.Version > carried.Update.Version, $"FAILED has version {failed.Version}, not above the carried {carried.Update.Version}.");
        Assert.Equal([StepStatus.Completed, StepStatus.Completed, StepStatus.Completed, StepStatus.Failed], failed.Steps.Select(s => s.Status));
        Assert.DoesNotContain(o.StatusSnapshots, u => u.Status == WorkflowStatus.Completed);
        Assert.Equal((failed.Version, WorkflowStatus.Failed), (LastUpdate(o).Version, LastUpdate(o).Status));
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_CreateFinancialAccountFailsForGood_PersistsFailedAtTheFinancialAccountStep()
    {
        // Arrange
        var o = Script(Plans.RebateToNewCard())
            .Fail<StepActivityOutput>(ActivityNames.CreateFinancialAccount, "Azure.RequestFailedException", "vault unavailable")
            .Raise(WorkflowEvent.SubmitProfile(Plans.SealedProfile()))
            .Raise(WorkflowEvent.SubmitCard(Plans.SealedCard()));

        // Act
        var result = await RunAsync(o);

        // Assert: the snapshot it carried (step 3 active) was neither written nor taken as the state.
        Assert.Equal(new WorkflowResult(WorkflowStatus.Failed, NewCustomerId, Reason: "The financial-account step failed: vault unavailable"), result);
        Assert.Equal(
            [ActivityNames.SendNotification, ActivityNames.CreateCustomerAccount, ActivityNames.CreateFinancialAccount, ActivityNames.UpdateWorkflowStatus],
            o.ActivitySequence);
        var carried = Assert.Single(o.InputsOf<CreateFinancialAccountInput>()).Then;
        Assert.NotNull(carried);
        Assert.Equal((2, 3), (carried.Step, carried.Update.CurrentStep));
        var failed = Assert.Single(o.InputsOf<WorkflowStatusUpdate>());
        Assert.Equal((WorkflowStatus.Failed, 2, result.Reason), (failed.Status, failed.CurrentStep, failed.FailureReason));
        Assert.Equal([StepStatus.Completed, StepStatus.Completed, StepStatus.Failed, StepStatus.Created], failed.Steps.Select(s => s.Status));
        Assert.Equal((NewCustomerId, null, null), (failed.CustomerId, failed.FinancialAccountId, failed.Steps[2].Data));
        Assert.Equal(carried.Update.Version + 1, failed.Version);
        Assert.DoesNotContain(o.StatusSnapshots, u => u.CurrentStep == 3);
        Assert.Equal((WorkflowStatus.Failed, 2, StepNames.FinancialAccount), (LastCustomStatus(o).Status, LastCustomStatus(o).CurrentStep, LastCustomStatus(o).CurrentStepName));
        var warning = Assert.Single(o.Logs.InCategory(LinxOrchestration.Name));
        Assert.Equal($"Activity CreateFinancialAccount of workflow {WorkflowId} failed for good: Azure.RequestFailedException", warning.Message);
        AssertWellBehaved(o);
    }
}
