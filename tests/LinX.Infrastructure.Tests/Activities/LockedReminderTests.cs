using LinX.Core;
using LinX.Core.Activities;
using LinX.Core.Gateway;
using LinX.Core.Management;
using LinX.Core.Notifications;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;

namespace LinX.Infrastructure.Tests.Activities;

/// <summary>
/// Issue 17 item 4: a reminder of a link locked by wrong passcodes is not sent (and nothing is recorded), until the
/// business sets a new passcode. At the activity, on real Azurite, so the orchestrator's replays are not involved.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class LockedReminderTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SendNotification_ReminderOfALockedLink_SendsAndRecordsNothing()
    {
        // Arrange
        await using var host = await TestHost.StartAsync(azurite);
        var created = await LockedWorkflowAsync(host);

        // Act
        var output = await host.Get<SendNotificationActivity>().RunAsync(Reminder(created), CancellationToken.None);

        // Assert
        Assert.False(output.Successful);
        Assert.Empty(host.Sms.Messages);
        Assert.Empty(await host.Get<INotificationStore>().ListAsync(created.WorkflowId, CancellationToken.None));
    }

    [Fact]
    public async Task SendNotification_ReminderAfterANewPasscode_IsSentAgain()
    {
        // Arrange
        await using var host = await TestHost.StartAsync(azurite);
        var created = await LockedWorkflowAsync(host);
        var replaced = await host.Get<WorkflowService>().NewPasscodeAsync(host.DemoBusiness, created.WorkflowId, CancellationToken.None);

        // Act
        var output = await host.Get<SendNotificationActivity>().RunAsync(Reminder(created), CancellationToken.None);

        // Assert
        Assert.Equal(ServiceOutcome.Ok, replaced.Outcome);
        Assert.True(output.Successful);
        Assert.Single(host.Sms.Messages);
        var row = Assert.Single(await host.Get<INotificationStore>().ListAsync(created.WorkflowId, CancellationToken.None));
        Assert.Equal(NotificationOrigin.Reminder, row.Origin);
    }

    private static SendNotificationInput Reminder(WorkflowCreated created) =>
        new(DemoData.BusinessId, created.WorkflowId, 1, NotificationOrigin.Reminder);

    // A passcode workflow whose link five wrong passcodes have locked, through the Gateway.
    private static async Task<WorkflowCreated> LockedWorkflowAsync(TestHost host)
    {
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer(passcode: true));
        var wrong = created.Passcode == "000000" ? "111111" : "000000";
        var gateway = host.Get<GatewayService>();
        ServiceResult<string>? last = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            last = await gateway.VerifyPasscodeAsync(TestPlans.TokenOf(created), wrong, CancellationToken.None);
        }

        Assert.Equal(ServiceOutcome.Locked, last!.Outcome);
        return created;
    }
}
