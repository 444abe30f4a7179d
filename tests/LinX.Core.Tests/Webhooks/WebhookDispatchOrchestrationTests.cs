using LinX.Core.Orchestration;
using LinX.Core.Webhooks;
using Moq;

namespace LinX.Core.Tests.Webhooks;

public sealed class WebhookDispatchOrchestrationTests
{
    private static readonly DateTime Start = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);
    private readonly Mock<IOrchestrationContext> _context = new(MockBehavior.Strict);
    private readonly List<DateTime> _timers = [];
    private readonly List<string> _calls = [];
    private readonly Queue<PendingWebhooksOutput> _pending = new();
    private readonly Queue<DeliverWebhookOutput> _attempts = new();
    private DateTime _now = Start;

    public WebhookDispatchOrchestrationTests()
    {
        _context.SetupGet(c => c.CurrentUtcDateTime).Returns(() => _now);
        _context.Setup(c => c.NewGuid()).Returns(Guid.NewGuid);
        _context.Setup(c => c.CallActivityAsync<PendingWebhooksOutput>(WebhookActivityNames.LoadPendingWebhooks, It.IsAny<object?>(), It.IsAny<ActivityOptions?>()))
            .Returns(() =>
            {
                _calls.Add("load");
                return Task.FromResult(_pending.Count > 0 ? _pending.Dequeue() : new PendingWebhooksOutput(true, []));
            });
        _context.Setup(c => c.CallActivityAsync<DeliverWebhookOutput>(WebhookActivityNames.DeliverWebhook, It.IsAny<object?>(), It.IsAny<ActivityOptions?>()))
            .Returns(() =>
            {
                _calls.Add("deliver");
                return Task.FromResult(_attempts.Dequeue());
            });
        _context.Setup(c => c.CallActivityAsync<bool>(WebhookActivityNames.FailWebhookDelivery, It.IsAny<object?>(), It.IsAny<ActivityOptions?>()))
            .Returns(() =>
            {
                _calls.Add("fail");
                return Task.FromResult(true);
            });
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns<DateTime, CancellationToken>((fireAt, _) =>
            {
                _timers.Add(fireAt);
                _now = fireAt;
                return Task.CompletedTask;
            });
        _context.Setup(c => c.WaitForExternalEvent<bool>(WebhookDispatchOrchestration.EventName, It.IsAny<CancellationToken>()))
            .Returns(new TaskCompletionSource<bool>().Task);
    }

    [Fact]
    public async Task RunAsync_TwoRetriesThenDelivered_WaitsWithGrowingBackoffThenEndsIdle()
    {
        // Arrange
        Input(TimeSpan.FromSeconds(10), TimeSpan.FromHours(24));
        _pending.Enqueue(new PendingWebhooksOutput(true, [Guid.NewGuid()]));
        _attempts.Enqueue(new DeliverWebhookOutput(WebhookAttemptOutcome.Retry, null));
        _attempts.Enqueue(new DeliverWebhookOutput(WebhookAttemptOutcome.Retry, null));
        _attempts.Enqueue(new DeliverWebhookOutput(WebhookAttemptOutcome.Delivered, null));

        // Act
        var ended = await WebhookDispatchOrchestration.RunAsync(_context.Object);

        // Assert: deliver, wait 5-10 s, deliver, wait 10-20 s, deliver; then idle.
        Assert.Equal("idle", ended);
        Assert.Equal(["load", "deliver", "deliver", "deliver", "load"], _calls);
        Assert.InRange((_timers[0] - Start).TotalSeconds, 5, 10);
        Assert.InRange((_timers[1] - _timers[0]).TotalSeconds, 10, 20);
    }

    [Fact]
    public async Task RunAsync_RetryAfterLongerThanBackoff_WaitsRetryAfter()
    {
        Input(TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
        _pending.Enqueue(new PendingWebhooksOutput(true, [Guid.NewGuid()]));
        _attempts.Enqueue(new DeliverWebhookOutput(WebhookAttemptOutcome.Retry, TimeSpan.FromMinutes(3)));
        _attempts.Enqueue(new DeliverWebhookOutput(WebhookAttemptOutcome.Delivered, null));

        await WebhookDispatchOrchestration.RunAsync(_context.Object);

        Assert.Equal(Start.AddMinutes(3), _timers[0]);
    }

    [Fact]
    public async Task RunAsync_RetryWindowRunsOut_MarksTheDeliveryFailedAndGoesOn()
    {
        // Arrange: a 1-minute window and a receiver that always answers 503.
        Input(TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(1));
        _pending.Enqueue(new PendingWebhooksOutput(true, [Guid.NewGuid()]));
        for (var i = 0; i < 10; i++)
        {
            _attempts.Enqueue(new DeliverWebhookOutput(WebhookAttemptOutcome.Retry, null));
        }

        // Act
        var ended = await WebhookDispatchOrchestration.RunAsync(_context.Object);

        // Assert: a few attempts within the minute, then FAILED; nothing scheduled beyond the window.
        Assert.Equal("idle", ended);
        Assert.Contains("fail", _calls);
        Assert.All(_timers.SkipLast(1), t => Assert.True(t - Start <= TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task RunAsync_PermanentThenSuspended_StopsWithoutRetrying()
    {
        Input(TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
        _pending.Enqueue(new PendingWebhooksOutput(true, [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()]));
        _attempts.Enqueue(new DeliverWebhookOutput(WebhookAttemptOutcome.Permanent, null));
        _attempts.Enqueue(new DeliverWebhookOutput(WebhookAttemptOutcome.Suspended, null));

        var ended = await WebhookDispatchOrchestration.RunAsync(_context.Object);

        Assert.Equal("inactive", ended);
        Assert.Equal(["load", "deliver", "deliver"], _calls);
        Assert.Empty(_timers);
    }

    private void Input(TimeSpan first, TimeSpan window) =>
        _context.Setup(c => c.GetInput<WebhookDispatchInput>()).Returns(
            new WebhookDispatchInput(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), first, TimeSpan.FromHours(2), window, TimeSpan.FromHours(1)));
}
