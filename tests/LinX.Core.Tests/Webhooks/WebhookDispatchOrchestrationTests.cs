using LinX.Core.Orchestration;
using LinX.Core.Tests.Orchestration;
using LinX.Core.Webhooks;

namespace LinX.Core.Tests.Webhooks;

/// <summary>Decision tests of <see cref="WebhookDispatchOrchestration"/> on a strict Moq <c>TaskOrchestrationContext</c>.</summary>
public sealed class WebhookDispatchOrchestrationTests
{
    private static readonly DateTime Start = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Guid BusinessId = Guid.Parse("6e2b4f1a-8d3c-4f9b-a072-3c8e5d0f1b26");
    private static readonly Guid SubscriptionId = Guid.Parse("7f3c5a2b-9e4d-4a0c-b183-4d9f6e1a2c37");
    private static readonly Guid WorkflowId = Guid.Parse("8a4d6b3c-0f5e-4b1d-8294-5e0a7f2b3d48");
    private static readonly Guid EventId = Guid.Parse("9b5e7c4d-1a6f-4c2e-93a5-6f1b8a3c4e59");

    private readonly Queue<PendingWebhooksOutput> _pending = new();
    private readonly Queue<DeliverWebhookOutput> _attempts = new();
    private readonly ScriptedContext _context = new ScriptedContext(Start) { FireEveryTimer = true }
        .ListenFor<bool>(WebhookDispatchOrchestration.EventName)
        .NewGuids([.. Enumerable.Range(1, 40).Select(i => new Guid(i, 0, 0, new byte[8]))]);

    public WebhookDispatchOrchestrationTests()
    {
        _context
            .Answer<PendingWebhooksInput, PendingWebhooksOutput>(
                WebhookActivityNames.LoadPendingWebhooks, _ => _pending.Count > 0 ? _pending.Dequeue() : new PendingWebhooksOutput(true, []))
            .Answer<DeliverWebhookInput, DeliverWebhookOutput>(WebhookActivityNames.DeliverWebhook, _ => _attempts.Dequeue())
            .Answer<FailWebhookDeliveryInput, bool>(WebhookActivityNames.FailWebhookDelivery, _ => true);
    }

    [Fact]
    public async Task RunAsync_TwoRetriesThenDelivered_WaitsWithGrowingBackoffThenEndsIdle()
    {
        // Arrange
        _pending.Enqueue(new PendingWebhooksOutput(true, [EventId]));
        _attempts.Enqueue(new DeliverWebhookOutput(WebhookAttemptOutcome.Retry, null));
        _attempts.Enqueue(new DeliverWebhookOutput(WebhookAttemptOutcome.Retry, null));
        _attempts.Enqueue(new DeliverWebhookOutput(WebhookAttemptOutcome.Delivered, null));

        // Act
        var ended = await RunAsync(TimeSpan.FromSeconds(10), TimeSpan.FromHours(24));

        // Assert: deliver, wait 5-10 s, deliver, wait 10-20 s, deliver; then idle after the idle timeout.
        Assert.Equal("idle", ended);
        Assert.Equal(
            [WebhookActivityNames.LoadPendingWebhooks, WebhookActivityNames.DeliverWebhook, WebhookActivityNames.DeliverWebhook, WebhookActivityNames.DeliverWebhook, WebhookActivityNames.LoadPendingWebhooks],
            _context.ActivitySequence);
        var timers = _context.TimersCreated.ToList();
        Assert.Equal(3, timers.Count);
        Assert.InRange((timers[0] - Start).TotalSeconds, 5, 10);
        Assert.InRange((timers[1] - timers[0]).TotalSeconds, 10, 20);
        Assert.Equal(timers[1] + TimeSpan.FromHours(1), timers[2]);
        var attempts = _context.InputsOf<DeliverWebhookInput>().ToList();
        Assert.All(attempts, a => Assert.Equal((BusinessId, SubscriptionId, EventId), (a.BusinessId, a.SubscriptionId, a.EventId)));
        Assert.Equal(3, attempts.Select(a => a.AttemptId).Distinct().Count());
        Assert.All(_context.InputsOf<PendingWebhooksInput>(), p => Assert.Equal(new PendingWebhooksInput(BusinessId, SubscriptionId, WorkflowId), p));
        Assert.All(_context.Calls, c => Assert.Same(LinxOrchestration.ActivityRetry, c.Options));
    }

    [Fact]
    public async Task RunAsync_RetryAfterLongerThanBackoff_WaitsRetryAfter()
    {
        _pending.Enqueue(new PendingWebhooksOutput(true, [EventId]));
        _attempts.Enqueue(new DeliverWebhookOutput(WebhookAttemptOutcome.Retry, TimeSpan.FromMinutes(3)));
        _attempts.Enqueue(new DeliverWebhookOutput(WebhookAttemptOutcome.Delivered, null));

        await RunAsync(TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));

        Assert.Equal(Start.AddMinutes(3), _context.TimersCreated.First());
        Assert.Equal(Start.AddMinutes(3), _context.Calls.Where(c => c.Name == WebhookActivityNames.DeliverWebhook).Last().At);
    }

    [Fact]
    public async Task RunAsync_RetryWindowRunsOut_MarksTheDeliveryFailedAndGoesOn()
    {
        // Arrange: a 1-minute window and a receiver that always answers 503.
        _pending.Enqueue(new PendingWebhooksOutput(true, [EventId]));
        for (var i = 0; i < 10; i++)
        {
            _attempts.Enqueue(new DeliverWebhookOutput(WebhookAttemptOutcome.Retry, null));
        }

        // Act
        var ended = await RunAsync(TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(1));

        // Assert: a few attempts within the minute, then FAILED; nothing scheduled beyond the window but the idle timer.
        Assert.Equal("idle", ended);
        Assert.Equal(new FailWebhookDeliveryInput(SubscriptionId, EventId), Assert.Single(_context.InputsOf<FailWebhookDeliveryInput>()));
        Assert.All(_context.TimersCreated.SkipLast(1), t => Assert.True(t - Start <= TimeSpan.FromMinutes(1)));
        Assert.Equal(WebhookActivityNames.LoadPendingWebhooks, _context.ActivitySequence.Last());
    }

    [Fact]
    public async Task RunAsync_PermanentThenSuspended_StopsWithoutRetrying()
    {
        _pending.Enqueue(new PendingWebhooksOutput(true, [EventId, Guid.NewGuid(), Guid.NewGuid()]));
        _attempts.Enqueue(new DeliverWebhookOutput(WebhookAttemptOutcome.Permanent, null));
        _attempts.Enqueue(new DeliverWebhookOutput(WebhookAttemptOutcome.Suspended, null));

        var ended = await RunAsync(TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));

        Assert.Equal("inactive", ended);
        Assert.Equal([WebhookActivityNames.LoadPendingWebhooks, WebhookActivityNames.DeliverWebhook, WebhookActivityNames.DeliverWebhook], _context.ActivitySequence);
        Assert.Empty(_context.TimersCreated);
    }

    [Fact]
    public async Task RunAsync_OwnStorageFailsOnDelivery_RetriesLaterLikeATransientAnswer()
    {
        _pending.Enqueue(new PendingWebhooksOutput(true, [EventId]));
        _context.Answer<DeliverWebhookInput, DeliverWebhookOutput>(
            WebhookActivityNames.DeliverWebhook,
            _ => _context.Calls.Count(c => c.Name == WebhookActivityNames.DeliverWebhook) == 1
                ? throw ScriptedContext.Failure(WebhookActivityNames.DeliverWebhook, "Azure.RequestFailedException", "503")
                : new DeliverWebhookOutput(WebhookAttemptOutcome.Delivered, null));

        var ended = await RunAsync(TimeSpan.FromSeconds(10), TimeSpan.FromHours(24));

        Assert.Equal("idle", ended);
        Assert.Equal(2, _context.InputsOf<DeliverWebhookInput>().Count());
        Assert.InRange((_context.TimersCreated.First() - Start).TotalSeconds, 5, 10);
    }

    [Fact]
    public async Task RunAsync_MoreEventsSignalledWhileIdle_LoadsAgainBeforeEndingIdle()
    {
        _pending.Enqueue(new PendingWebhooksOutput(true, []));
        _pending.Enqueue(new PendingWebhooksOutput(true, [EventId]));
        _attempts.Enqueue(new DeliverWebhookOutput(WebhookAttemptOutcome.Delivered, null));
        _context.Raise(true, TimeSpan.FromMinutes(5));

        var ended = await RunAsync(TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));

        Assert.Equal("idle", ended);
        Assert.Equal(
            [WebhookActivityNames.LoadPendingWebhooks, WebhookActivityNames.LoadPendingWebhooks, WebhookActivityNames.DeliverWebhook, WebhookActivityNames.LoadPendingWebhooks],
            _context.ActivitySequence);
        Assert.Equal([Start.AddHours(1), Start.AddMinutes(5).AddHours(1)], _context.TimersCreated);
        Assert.DoesNotContain(_context.Timers, t => t.Abandoned);
    }

    private Task<string> RunAsync(TimeSpan firstRetryDelay, TimeSpan retryWindow) =>
        _context.RunAsync(c => WebhookDispatchOrchestration.RunAsync(
            c, new WebhookDispatchInput(BusinessId, SubscriptionId, WorkflowId, firstRetryDelay, TimeSpan.FromHours(2), retryWindow, TimeSpan.FromHours(1))));
}
