using LinX.Core.Activities;
using LinX.Core.Notifications;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Infrastructure.Tests.Activities;

/// <summary>
/// One SMS per (workflow, serial) across a crash between the provider's acceptance and LinX's record: every attempt of
/// a claim repeats the same provider request, which the dev inbox (repeatable as ACS is) answers without sending.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SmsExactlyOnceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SendNotification_HostDiedAfterTheProviderAccepted_TakeoverRepeatsTheRequestAndOneSmsIsSent()
    {
        // Arrange
        await using var host = await TestHost.StartAsync(azurite);
        var input = await NewSmsAsync(host);
        var firstAttemptAt = host.Time.GetUtcNow();
        var died = await SendCrash.DieAfterAcceptanceAsync(host.Services, host.Sms, input, host.Time);
        host.Time.Advance(TimeSpan.FromSeconds(61)); // the dead host's lease runs out

        // Act
        var output = await host.Get<SendNotificationActivity>().RunAsync(input, CancellationToken.None);

        // Assert: the takeover sent the same request, the inbox answered it with the first SMS.
        var sms = Assert.Single(host.Sms.Messages);
        Assert.Equal(1, host.Sms.RepeatsAbsorbed);
        Assert.Equal(sms.MessageId, output.ProviderMessageId);
        Assert.Equal(SmsIdempotency.ForNotification(input.WorkflowId, input.Serial, 0, firstAttemptAt), died);
        Assert.Equal(died.RequestId, sms.RequestId);
        var row = Assert.Single(await host.Get<INotificationStore>().ListAsync(input.WorkflowId, CancellationToken.None));
        Assert.Equal(sms.MessageId, row.ProviderMessageId);
    }

    [Fact]
    public async Task SendNotification_AnswerLostAfterTheProviderAccepted_RetryRepeatsTheSameRequestAndOneSmsIsSent()
    {
        // Arrange: the activity itself sees the failure, so it ends its lease and the retry may send at once.
        await using var host = await TestHost.StartAsync(azurite);
        var input = await NewSmsAsync(host);
        var lost = new AnswerLostSmsSender(host.Sms);
        await Assert.ThrowsAsync<HttpRequestException>(
            () => ActivatorUtilities.CreateInstance<SendNotificationActivity>(host.Services, (ISmsSender)lost).RunAsync(input, CancellationToken.None));
        var retry = new AnswerLostSmsSender(host.Sms);

        // Act: a retry whose answer is lost again, then one that gets through; no time passes.
        await Assert.ThrowsAsync<HttpRequestException>(
            () => ActivatorUtilities.CreateInstance<SendNotificationActivity>(host.Services, (ISmsSender)retry).RunAsync(input, CancellationToken.None));
        var output = await host.Get<SendNotificationActivity>().RunAsync(input, CancellationToken.None);

        // Assert
        var sms = Assert.Single(host.Sms.Messages);
        Assert.Equal(2, host.Sms.RepeatsAbsorbed);
        Assert.Equal(sms.MessageId, output.ProviderMessageId);
        Assert.Equal(Assert.Single(lost.Attempts), Assert.Single(retry.Attempts));
        Assert.Equal(sms.RequestId, lost.Attempts[0].RequestId);
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(1, 2)]
    public async Task SendNotification_RetryAroundTheRepeatWindow_RepeatsInsideItAndStartsANewGenerationPastIt(int secondsPastWindow, int smsSent)
    {
        // Arrange: past the window the provider could no longer tell a repeat, and would refuse it without sending.
        await using var host = await TestHost.StartAsync(azurite);
        var input = await NewSmsAsync(host);
        var died = await SendCrash.DieAfterAcceptanceAsync(host.Services, host.Sms, input, host.Time);
        host.Time.Advance(SendNotificationActivity.RepeatFirstAttemptFor + TimeSpan.FromSeconds(secondsPastWindow));

        // Act
        var output = await host.Get<SendNotificationActivity>().RunAsync(input, CancellationToken.None);

        // Assert: inside, the repeat is absorbed; past it, a new request id: at most one duplicate, never a lost SMS.
        var messages = host.Sms.Messages;
        Assert.Equal(smsSent, messages.Count);
        Assert.Equal(smsSent, messages.Select(m => m.RequestId).Distinct().Count());
        Assert.Equal(messages[0].MessageId, output.ProviderMessageId);
        var expected = smsSent == 1 ? died.RequestId : SmsIdempotency.ForNotification(input.WorkflowId, input.Serial, 1, host.Time.GetUtcNow()).RequestId;
        Assert.Equal(expected, messages[0].RequestId);
    }

    private static async Task<SendNotificationInput> NewSmsAsync(TestHost host)
    {
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        return new SendNotificationInput(DemoData.BusinessId, created.WorkflowId, 0, NotificationOrigin.Initial);
    }
}
