using LinX.Core.Activities;
using LinX.Core.Notifications;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Orchestration;

/// <summary>What may happen while a step waits: decline, cancel, resend, extend.</summary>
public sealed partial class LinxOrchestrationTests
{
    [Theory]
    [InlineData(DeclineReason.DontKnowBusinessSender, "DONT_KNOW_BUSINESS_SENDER")]
    [InlineData(DeclineReason.IncorrectInformation, "INCORRECT_INFORMATION")]
    [InlineData(DeclineReason.NotInterested, "NOT_INTERESTED")]
    [InlineData(DeclineReason.Other, "OTHER")]
    public async Task RunAsync_CustomerDeclines_IsDeclinedWithContractReasonAndStepDeclined(DeclineReason reason, string expected)
    {
        // Arrange
        var o = Script(Plans.NewCustomer()).Raise(WorkflowEvent.Decline(reason, "Who are you?"));

        // Act
        var result = await RunAsync(o);

        // Assert
        Assert.Equal(new WorkflowResult(WorkflowStatus.Declined, Reason: "Declined by the customer: " + expected), result);
        var final = LastUpdate(o);
        Assert.Equal((WorkflowStatus.Declined, expected, "Who are you?", null), (final.Status, final.DeclineReason, final.DeclineComment, final.NextNotificationAt));
        Assert.Equal([StepStatus.Completed, StepStatus.Declined], final.Steps.Select(s => s.Status));
        Assert.Equal([ActivityNames.SendNotification, ActivityNames.UpdateWorkflowStatus], o.ActivitySequence);
        Assert.Equal(WorkflowStatus.Declined, LastCustomStatus(o).Status);
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_DeclineWithoutReason_IsStoredAsOther()
    {
        var o = Script(Plans.RebateToExistingCard())
            .Raise(WorkflowEvent.Confirm(StepNames.LookupProfile))
            .Raise(new WorkflowEvent(WorkflowEventKind.Decline));

        var result = await RunAsync(o);

        Assert.Equal(WorkflowStatus.Declined, result.Status);
        Assert.Equal(Plans.DemoCustomerId, result.CustomerId);
        Assert.Equal(("OTHER", null), (LastUpdate(o).DeclineReason, LastUpdate(o).DeclineComment));
        Assert.Equal(StepStatus.Declined, LastUpdate(o).Steps[2].Status);
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_BusinessCancels_IsCancelledAndRunsNoStep()
    {
        var o = Script(Plans.RebateToNewCard()).Raise(WorkflowEvent.Cancel());

        var result = await RunAsync(o);

        Assert.Equal(new WorkflowResult(WorkflowStatus.Cancelled, Reason: "Cancelled by the business."), result);
        Assert.Equal([ActivityNames.SendNotification, ActivityNames.UpdateWorkflowStatus], o.ActivitySequence);
        var final = LastUpdate(o);
        Assert.Equal((WorkflowStatus.Cancelled, 1, null, null), (final.Status, final.CurrentStep, final.NextNotificationAt, final.CompletedAt));
        Assert.Equal([StepStatus.Completed, StepStatus.Cancelled, StepStatus.Created, StepStatus.Created], final.Steps.Select(s => s.Status));
        Assert.Equal(StepStatus.Cancelled, LastCustomStatus(o).Steps[1].Status);
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_BusinessResends_SendsManualSmsWithNextSerialAndRestartsReminderClock()
    {
        var resentAt = Start + TimeSpan.FromHours(3);
        var o = Script(Plans.NewCustomer())
            .Raise(WorkflowEvent.Resend(), TimeSpan.FromHours(3))
            .Raise(WorkflowEvent.SubmitProfile(Plans.SealedProfile()));

        var result = await RunAsync(o);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(
            [new SendNotificationInput(BusinessId, WorkflowId, 0, NotificationOrigin.Initial), new SendNotificationInput(BusinessId, WorkflowId, 1, NotificationOrigin.Manual)],
            o.InputsOf<SendNotificationInput>().Select(n => n with { Then = null }));
        Assert.Null(o.InputsOf<SendNotificationInput>().ElementAt(1).Then);
        var afterResend = o.StatusSnapshots[1];
        Assert.Equal((WorkflowStatus.Active, new DateTimeOffset(resentAt.AddDays(1))), (afterResend.Status, afterResend.NextNotificationAt));
        Assert.Equal([Start.AddDays(1), resentAt.AddDays(1)], o.TimersCreated);
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_BusinessExtends_ExpiryMovesAndTimerFollows()
    {
        // Arrange: reminders every 30 days, so the only timer is the expiry.
        var newExpiry = Start + TimeSpan.FromDays(10);
        var o = Script(Plans.NewCustomer(), reminderInterval: TimeSpan.FromDays(30))
            .Raise(WorkflowEvent.Extend(newExpiry))
            .FireTimer();

        // Act
        var result = await RunAsync(o);

        // Assert
        Assert.Equal(new WorkflowResult(WorkflowStatus.Expired, Reason: "The workflow expired."), result);
        Assert.Equal([Start + TimeSpan.FromDays(2), newExpiry], o.TimersCreated);
        Assert.Equal(newExpiry, o.Now);
        var extended = o.StatusSnapshots[1];
        Assert.Equal((WorkflowStatus.Active, new DateTimeOffset(newExpiry)), (extended.Status, extended.ExpireAt));
        Assert.Equal(newExpiry, o.CustomStatuses.Cast<LinxCustomStatus>().ElementAt(1).ExpireAt);
        Assert.Equal(new DateTimeOffset(newExpiry), LastUpdate(o).ExpireAt);
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_ExtendToThePast_IsIgnoredAndLogged()
    {
        var o = Script(Plans.NewCustomer(), reminderInterval: TimeSpan.FromDays(30))
            .Raise(WorkflowEvent.Extend(Start - TimeSpan.FromDays(1)))
            .FireTimer();

        var result = await RunAsync(o);

        Assert.Equal(WorkflowStatus.Expired, result.Status);
        Assert.Equal([Start.AddDays(2), Start.AddDays(2)], o.TimersCreated);
        Assert.All(o.StatusSnapshots, u => Assert.Equal(new DateTimeOffset(Start.AddDays(2)), u.ExpireAt));
        Assert.Equal(7, Assert.Single(o.Logs.InCategory(LinxOrchestration.Name)).EventId);
        AssertWellBehaved(o);
    }
}
