using System.Globalization;
using LinX.Core.Activities;
using LinX.Core.Notifications;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Sms;
using LinX.Infrastructure.Tests.Activities;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LinX.Infrastructure.Tests.Sms;

/// <summary>
/// The send activity on the ACS sender against the loopback fake ACS: a host that dies between ACS's acceptance and
/// LinX's record leaves a claim whose takeover repeats the same repeatable request, and ACS sends the SMS once.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class AcsExactlyOnceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FakeAcs _acs = null!;

    public async Task InitializeAsync() => _acs = await FakeAcs.StartAsync();

    public async Task DisposeAsync() => await _acs.DisposeAsync();

    [Fact]
    public async Task SendNotification_HostDiedAfterAcsAccepted_TakeoverIsAnsweredByAcsAndOneSmsGoesOut()
    {
        // Arrange: the activity's clock starts at the real time, which ACS compares the first attempt with.
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        var input = new SendNotificationInput(DemoData.BusinessId, created.WorkflowId, 0, NotificationOrigin.Initial);
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var firstAttemptAt = clock.GetUtcNow();
        var acs = new AcsSmsSender(
            Microsoft.Extensions.Options.Options.Create(new AcsSmsOptions { Endpoint = _acs.Endpoint, From = "+18005550100", AccessKey = FakeAcs.AccessKey }),
            credential: null, _acs.CreateTransport(), TimeProvider.System, new RecordingLogger<AcsSmsSender>());
        await SendCrash.DieAfterAcceptanceAsync(host.Services, acs, input, clock);
        clock.Advance(TimeSpan.FromSeconds(61)); // the dead host's lease runs out

        // Act
        var output = await ActivatorUtilities.CreateInstance<SendNotificationActivity>(host.Services, (ISmsSender)acs, (TimeProvider)clock)
            .RunAsync(input, CancellationToken.None);

        // Assert: two requests, one SMS; both carry the id derived from (workflow, serial) and the first attempt's time.
        Assert.True(output.Successful);
        Assert.StartsWith("Outgoing_", output.ProviderMessageId, StringComparison.Ordinal);
        Assert.Equal(1, _acs.SmsSent);
        var requests = _acs.Requests;
        Assert.Equal(2, requests.Count);
        var expected = SmsIdempotency.ForNotification(input.WorkflowId, input.Serial, 0, firstAttemptAt);
        Assert.All(requests, r => Assert.Equal(expected.RequestId.ToString("D"), r.Recipient["repeatabilityRequestId"]!.GetValue<string>()));
        Assert.All(requests, r => Assert.Equal(firstAttemptAt.ToString("R", CultureInfo.InvariantCulture), r.Recipient["repeatabilityFirstSent"]!.GetValue<string>()));
        Assert.Equal(requests[0].Body, requests[1].Body);
        var row = Assert.Single(await host.Get<INotificationStore>().ListAsync(input.WorkflowId, CancellationToken.None));
        Assert.Equal(output.ProviderMessageId, row.ProviderMessageId);
    }
}
