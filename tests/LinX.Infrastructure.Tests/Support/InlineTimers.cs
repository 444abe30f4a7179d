using Microsoft.Extensions.Time.Testing;

namespace LinX.Infrastructure.Tests.Support;

/// <summary>
/// The durable timers of an <see cref="InlineOrchestration"/>: they fire only when the test says so, after the fake
/// clock is moved to their time. A cancelled timer is dropped and its task cancelled, as in the Durable Task SDK.
/// </summary>
internal sealed class InlineTimers(FakeTimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly List<Timer> _pending = [];

    public bool HasPending
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count > 0;
            }
        }
    }

    public Task CreateAsync(DateTime fireAt, CancellationToken cancellationToken)
    {
        var timer = new Timer(fireAt, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_lock)
        {
            _pending.Add(timer);
        }

        cancellationToken.Register(() =>
        {
            lock (_lock)
            {
                _pending.Remove(timer);
                timer.Fired.TrySetCanceled(cancellationToken);
            }
        });
        return timer.Fired.Task;
    }

    /// <summary>Moves the clock to the earliest pending timer (never back) and fires it; returns its time.</summary>
    public DateTime FireNext()
    {
        Timer next;
        lock (_lock)
        {
            next = _pending.MinBy(t => t.FireAt) ?? throw new InvalidOperationException("No timer is pending.");
            _pending.Remove(next);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (next.FireAt > now)
        {
            time.Advance(next.FireAt - now);
        }

        next.Fired.TrySetResult();
        return next.FireAt;
    }

    private sealed record Timer(DateTime FireAt, TaskCompletionSource Fired);
}
