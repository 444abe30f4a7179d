using LinX.Core.Activities;
using LinX.Core.Notifications;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Orchestration;

/// <summary>Timers: reminders at most once an interval, never at or after expiry; the expiry SMS and status.</summary>
public sealed partial class LinxOrchestrationTests
{
    [Fact]
    public async Task RunAsync_CustomerNeverActs_RemindsDailyThenSendsExpirySmsAndExpires()
    {
        // Arrange
        var plan = Plans.NewCustomer() with { ExpireIn = TimeSpan.FromDays(3) };
        var o = Script(plan).FireTimer().FireTimer().FireTimer();

        // Act
        var result = await RunAsync(o);

        // Assert
        Assert.Equal(new WorkflowResult(WorkflowStatus.Expired, Reason: "The workflow expired."), result);
        Assert.Equal([Start.AddDays(1), Start.AddDays(2), Start.AddDays(3)], o.TimersCreated);
        Assert.Equal(
            [(0, NotificationOrigin.Initial, Start), (1, NotificationOrigin.Reminder, Start.AddDays(1)), (2, NotificationOrigin.Reminder, Start.AddDays(2)), (3, NotificationOrigin.Expiry, Start.AddDays(3))],
            o.Calls.Where(c => c.Input is SendNotificationInput).Select(c => (((SendNotificationInput)c.Input!).Serial, ((SendNotificationInput)c.Input!).Origin, c.At)));
        Assert.Equal(
            [new DateTimeOffset(Start.AddDays(1)), new DateTimeOffset(Start.AddDays(2)), null, null],
            o.StatusSnapshots.Select(u => u.NextNotificationAt));
        Assert.Equal(
            [Start.AddDays(1), Start.AddDays(2), Start.AddDays(3)], // the initial SMS wrote its own row; reminders and expiry are persisted after
            o.Calls.Where(c => c.Name == ActivityNames.UpdateWorkflowStatus).Select(c => c.At));
        var final = LastUpdate(o);
        Assert.Equal((WorkflowStatus.Expired, StepStatus.Expired), (final.Status, final.Steps[1].Status));
        Assert.Equal([ActivityNames.SendNotification, ActivityNames.UpdateWorkflowStatus], o.ActivitySequence.TakeLast(2));
        Assert.Equal(WorkflowStatus.Expired, LastCustomStatus(o).Status);
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_ExpiryWithinOneInterval_SendsNoReminder()
    {
        var plan = Plans.NewCustomer() with { ExpireIn = TimeSpan.FromHours(20) };
        var o = Script(plan).FireTimer();

        var result = await RunAsync(o);

        Assert.Equal(WorkflowStatus.Expired, result.Status);
        Assert.Equal([Start.AddHours(20)], o.TimersCreated);
        Assert.Equal([NotificationOrigin.Initial, NotificationOrigin.Expiry], o.InputsOf<SendNotificationInput>().Select(n => n.Origin));
        Assert.Null(o.StatusSnapshots[0].NextNotificationAt);
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_ReminderIntervalBelowOneMinute_IsRaisedToOneMinute()
    {
        var o = Script(Plans.NewCustomer(), reminderInterval: TimeSpan.FromSeconds(5))
            .FireTimer()
            .Raise(WorkflowEvent.Cancel());

        var result = await RunAsync(o);

        Assert.Equal(WorkflowStatus.Cancelled, result.Status);
        Assert.Equal([Start.AddMinutes(1), Start.AddMinutes(2)], o.TimersCreated);
        Assert.Equal([NotificationOrigin.Initial, NotificationOrigin.Reminder], o.InputsOf<SendNotificationInput>().Select(n => n.Origin));
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_ReminderSmsFails_WaitsAnotherIntervalAndStillExpires()
    {
        // Arrange: the initial SMS goes out, every later one fails for good.
        var plan = Plans.NewCustomer() with { ExpireIn = TimeSpan.FromDays(3) };
        var o = Script(plan)
            .Answer<SendNotificationInput, SendNotificationOutput>(
                ActivityNames.SendNotification,
                i => i.Serial == 0 ? ActivityOutputs.Sent(i) : throw ScriptedContext.Failure(ActivityNames.SendNotification, "SmsDeliveryException", "refused"))
            .FireTimer().FireTimer().FireTimer();

        // Act
        var result = await RunAsync(o);

        // Assert: a failed reminder does not retry before the next interval; a failed expiry SMS still expires.
        Assert.Equal(WorkflowStatus.Expired, result.Status);
        Assert.Equal([Start.AddDays(1), Start.AddDays(2), Start.AddDays(3)], o.TimersCreated);
        Assert.Equal([0, 1, 2, 3], o.InputsOf<SendNotificationInput>().Select(n => n.Serial));
        Assert.Equal(3, o.Logs.InCategory(LinxOrchestration.Name).Count(e => e.EventId == 5));
        Assert.Equal(WorkflowStatus.Expired, LastUpdate(o).Status);
        AssertWellBehaved(o);
    }
}
