using LinX.Core.Tests.Orchestration;
using LinX.Core.Webhooks;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace LinX.Core.Tests.Webhooks;

/// <summary><see cref="WebhookDispatchOrchestration"/> on the SDK's in-memory engine: real backoff timers, real idle timeout.</summary>
public sealed class WebhookDispatchReplayTests(ReplayHost host) : IClassFixture<ReplayHost>
{
    private readonly Guid _businessId = Guid.NewGuid();
    private readonly Guid _subscriptionId = Guid.NewGuid();
    private readonly Guid _workflowId = Guid.NewGuid();

    [Fact]
    public async Task RunAsync_RetryThenDelivered_BacksOffOnADurableTimerThenEndsIdle()
    {
        // Arrange: one pending event; the receiver fails once; backoff from 1 s (0.5-1 s with jitter), idle after 1 s.
        var eventId = Guid.NewGuid();
        host.Activities.PendingFor(_subscriptionId, new PendingWebhooksOutput(true, [eventId]));
        host.Activities.AttemptsAt(eventId, WebhookAttemptOutcome.Retry);
        var input = new WebhookDispatchInput(
            _businessId, _subscriptionId, _workflowId, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromSeconds(1));

        // Act
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            WebhookDispatchOrchestration.Name, input, new StartOrchestrationOptions(WebhookDispatchOrchestration.InstanceIdOf(_subscriptionId, _workflowId)));
        var done = await host.CompletedAsync(id);

        // Assert
        Assert.Equal((OrchestrationRuntimeStatus.Completed, "idle"), (done.RuntimeStatus, done.ReadOutputAs<string>()));
        var calls = host.Activities.CallsOf(_subscriptionId);
        Assert.Equal(
            [WebhookActivityNames.LoadPendingWebhooks, WebhookActivityNames.DeliverWebhook, WebhookActivityNames.DeliverWebhook, WebhookActivityNames.LoadPendingWebhooks],
            calls.Select(c => c.Name));
        var attempts = calls.Where(c => c.Input is DeliverWebhookInput).ToList();
        Assert.All(attempts, a => Assert.Equal((_businessId, eventId), (((DeliverWebhookInput)a.Input).BusinessId, ((DeliverWebhookInput)a.Input).EventId)));
        Assert.NotEqual(((DeliverWebhookInput)attempts[0].Input).AttemptId, ((DeliverWebhookInput)attempts[1].Input).AttemptId);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(450), "The retry did not wait for its backoff timer.");
        Assert.True(done.LastUpdatedAt - new DateTimeOffset(calls[^1].At) >= TimeSpan.FromMilliseconds(950), "The dispatcher ended before its idle timeout.");
    }
}
