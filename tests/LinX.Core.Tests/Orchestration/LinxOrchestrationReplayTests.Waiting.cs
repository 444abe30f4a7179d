using LinX.Core.Activities;
using LinX.Core.Notifications;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Orchestration;

/// <summary>Decline, cancel, resend, extend and expiry on the real engine, with real timers.</summary>
public sealed partial class LinxOrchestrationReplayTests
{
    [Fact]
    public async Task RunAsync_CustomerDeclines_EndsDeclinedWithReason()
    {
        // Arrange
        var id = await host.StartAsync(Input(Plans.RebateToNewCard()));
        await host.WaitingAtAsync(id, 1);

        // Act
        await host.RaiseAsync(id, WorkflowEvent.Decline(DeclineReason.NotInterested, "no thanks"));
        var done = await host.CompletedAsync(id);

        // Assert
        Assert.Equal(new WorkflowResult(WorkflowStatus.Declined, Reason: "Declined by the customer: NOT_INTERESTED"), done.ReadOutputAs<WorkflowResult>());
        var final = Snapshots()[^1];
        Assert.Equal((WorkflowStatus.Declined, "NOT_INTERESTED", "no thanks", StepStatus.Declined), (final.Status, final.DeclineReason, final.DeclineComment, final.Steps[1].Status));
        Assert.DoesNotContain(Calls(), c => c.Name == ActivityNames.CreateCustomerAccount);
    }

    [Fact]
    public async Task RunAsync_BusinessCancels_EndsCancelled()
    {
        var id = await host.StartAsync(Input(Plans.RebateToExistingCard()));
        await host.WaitingAtAsync(id, 1);

        await host.RaiseAsync(id, WorkflowEvent.Cancel());
        var done = await host.CompletedAsync(id);

        Assert.Equal(new WorkflowResult(WorkflowStatus.Cancelled, Reason: "Cancelled by the business."), done.ReadOutputAs<WorkflowResult>());
        Assert.Equal(WorkflowStatus.Cancelled, Snapshots()[^1].Status);
        Assert.Equal(WorkflowStatus.Cancelled, done.ReadCustomStatusAs<LinxCustomStatus>()!.Status);
        Assert.DoesNotContain(Calls(), c => c.Name == ActivityNames.MoveMoney);
    }

    [Fact]
    public async Task RunAsync_BusinessResends_SendsManualSmsThenStillCompletes()
    {
        var id = await host.StartAsync(Input(Plans.NewCustomer()));
        await host.WaitingAtAsync(id, 1);

        await host.RaiseAsync(id, WorkflowEvent.Resend());
        await host.RaiseAsync(id, WorkflowEvent.SubmitProfile(Plans.SealedProfile()));
        var done = await host.CompletedAsync(id);

        Assert.Equal(WorkflowStatus.Completed, done.ReadOutputAs<WorkflowResult>()!.Status);
        Assert.Equal(
            [new SendNotificationInput(_businessId, _workflowId, 0, NotificationOrigin.Initial), new SendNotificationInput(_businessId, _workflowId, 1, NotificationOrigin.Manual)],
            Inputs<SendNotificationInput>().Select(n => n with { Then = null }));
        Assert.Equal([true, false], Inputs<SendNotificationInput>().Select(n => n.Then is not null));
    }

    [Fact]
    public async Task RunAsync_ShortExpiry_ExpiresOnTheTimerWithAnExpirySms()
    {
        // Arrange: expiry a few seconds ahead, reminders a day apart: the expiry is the only timer.
        var expireAt = DateTime.UtcNow.AddSeconds(3);
        var id = await host.StartAsync(Input(Plans.NewCustomer(), expireAt));

        // Act
        var done = await host.CompletedAsync(id);

        // Assert
        Assert.Equal(new WorkflowResult(WorkflowStatus.Expired, Reason: "The workflow expired."), done.ReadOutputAs<WorkflowResult>());
        Assert.Equal([NotificationOrigin.Initial, NotificationOrigin.Expiry], Inputs<SendNotificationInput>().Select(n => n.Origin));
        var expirySms = Calls().Last(c => c.Name == ActivityNames.SendNotification);
        Assert.True(expirySms.At >= expireAt - Tolerance, $"The expiry SMS went out at {expirySms.At:O}, before {expireAt:O}.");
        var final = Snapshots()[^1];
        Assert.Equal((WorkflowStatus.Expired, new DateTimeOffset(expireAt), null), (final.Status, final.ExpireAt, final.NextNotificationAt));
    }

    [Fact]
    public async Task RunAsync_BusinessExtends_TheExpiryTimerMovesToTheNewTime()
    {
        // Arrange: an hour to go; the business moves the expiry to two seconds from now.
        var id = await host.StartAsync(Input(Plans.NewCustomer(), DateTime.UtcNow.AddHours(1)));
        await host.WaitingAtAsync(id, 1);
        var newExpireAt = DateTime.UtcNow.AddSeconds(2);

        // Act
        await host.RaiseAsync(id, WorkflowEvent.Extend(newExpireAt));
        var done = await host.CompletedAsync(id);

        // Assert
        Assert.Equal(WorkflowStatus.Expired, done.ReadOutputAs<WorkflowResult>()!.Status);
        Assert.Equal(newExpireAt, done.ReadCustomStatusAs<LinxCustomStatus>()!.ExpireAt);
        var updates = Snapshots();
        Assert.Equal((WorkflowStatus.Active, new DateTimeOffset(newExpireAt)), (updates[1].Status, updates[1].ExpireAt));
        var expirySms = Calls().Last(c => c.Name == ActivityNames.SendNotification);
        Assert.Equal(NotificationOrigin.Expiry, ((SendNotificationInput)expirySms.Input).Origin);
        Assert.True(expirySms.At >= newExpireAt - Tolerance, $"The expiry SMS went out at {expirySms.At:O}, before {newExpireAt:O}.");
    }
}
