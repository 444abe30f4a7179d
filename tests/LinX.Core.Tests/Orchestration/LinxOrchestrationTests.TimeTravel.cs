using System.Text.Json;
using System.Text.Json.Nodes;
using LinX.Core.Activities;
using LinX.Core.Notifications;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Orchestration;

/// <summary>
/// Time travel (RemindNow, ExpireNow): honoured only by an instance whose input allows it, ignored (and logged) by every
/// other, including those whose input predates the flag.
/// </summary>
public sealed partial class LinxOrchestrationTests
{
    [Fact]
    public async Task RunAsync_RemindNowWithTimeTravel_SendsReminderAtOnceAndRestartsReminderClock()
    {
        // Arrange: the reminder asked for 3 hours in, a day before the timer's.
        var remindedAt = Start + TimeSpan.FromHours(3);
        var o = Script(Plans.NewCustomer())
            .Raise(WorkflowEvent.RemindNow(), TimeSpan.FromHours(3))
            .Raise(WorkflowEvent.Cancel());
        _input = _input! with { DevTimeTravel = true };

        // Act
        var result = await RunAsync(o);

        // Assert
        Assert.Equal(WorkflowStatus.Cancelled, result.Status);
        Assert.Equal(
            [(NotificationOrigin.Initial, Start), (NotificationOrigin.Reminder, remindedAt)],
            o.Calls.Where(c => c.Input is SendNotificationInput).Select(c => (((SendNotificationInput)c.Input!).Origin, c.At)));
        var afterReminder = o.StatusSnapshots[1];
        Assert.Equal((WorkflowStatus.Active, new DateTimeOffset(remindedAt.AddDays(1))), (afterReminder.Status, afterReminder.NextNotificationAt));
        Assert.Equal([Start.AddDays(1), remindedAt.AddDays(1)], o.TimersCreated);
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_ExpireNowWithTimeTravel_SendsExpirySmsAndExpiresWithItsStep()
    {
        var o = Script(Plans.NewCard()).Raise(WorkflowEvent.Confirm(StepNames.LookupProfile)).Raise(WorkflowEvent.ExpireNow(), TimeSpan.FromHours(1));
        _input = _input! with { DevTimeTravel = true };

        var result = await RunAsync(o);

        Assert.Equal(new WorkflowResult(WorkflowStatus.Expired, DemoCustomer(), Reason: "The workflow expired."), result);
        Assert.Equal([NotificationOrigin.Initial, NotificationOrigin.Expiry], o.InputsOf<SendNotificationInput>().Select(n => n.Origin));
        var final = LastUpdate(o);
        Assert.Equal((WorkflowStatus.Expired, 2, null), (final.Status, final.CurrentStep, final.NextNotificationAt));
        Assert.Equal([StepStatus.Completed, StepStatus.Completed, StepStatus.Expired], final.Steps.Select(s => s.Status));
        Assert.Equal(StepStatus.Expired, LastCustomStatus(o).Steps[2].Status);
        AssertWellBehaved(o);
    }

    [Theory]
    [InlineData(WorkflowEventKind.RemindNow)]
    [InlineData(WorkflowEventKind.ExpireNow)]
    public async Task RunAsync_TimeTravelWithoutPermission_IsIgnoredAndLogged(WorkflowEventKind kind)
    {
        // Arrange: an input without the flag, as every production instance and every instance started before it has.
        var o = Script(Plans.NewCustomer()).Raise(new WorkflowEvent(kind)).Raise(WorkflowEvent.Cancel());

        // Act
        var result = await RunAsync(o);

        // Assert
        Assert.Equal(WorkflowStatus.Cancelled, result.Status);
        Assert.Equal([NotificationOrigin.Initial], o.InputsOf<SendNotificationInput>().Select(n => n.Origin));
        Assert.Equal([WorkflowStatus.Active, WorkflowStatus.Cancelled], o.StatusSnapshots.Select(u => u.Status));
        var ignored = Assert.Single(o.Logs.InCategory(LinxOrchestration.Name));
        Assert.Equal($"Workflow {WorkflowId} ignored a {kind} event for step (null)", ignored.Message);
        AssertWellBehaved(o);
    }

    [Fact]
    public void LinxOrchestrationInput_WrittenBeforeTheFlag_ReadsAsNoTimeTravel()
    {
        // Arrange: an input as instances started before the flag hold it in their history.
        var current = new LinxOrchestrationInput(WorkflowId, BusinessId, Plans.NewCustomer(), Start.AddDays(2), TimeSpan.FromDays(1), DevTimeTravel: true);
        var json = JsonNode.Parse(JsonSerializer.Serialize(current, JsonSerializerOptions.Web))!.AsObject();
        Assert.True(json.Remove("devTimeTravel"));

        // Act
        var read = json.Deserialize<LinxOrchestrationInput>(JsonSerializerOptions.Web)!;

        // Assert
        Assert.Equal(current with { DevTimeTravel = false }, read);
    }

    private static Guid DemoCustomer() => Plans.DemoCustomerId;
}
