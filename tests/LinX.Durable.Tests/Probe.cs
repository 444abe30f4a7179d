using System.Collections.Concurrent;

namespace LinX.Durable.Tests;

/// <summary>What the test activities did, shared with the test through DI (a singleton per test host).</summary>
public sealed class Probe
{
    private long _executions;
    private int _running;
    private int _maxRunning;

    /// <summary>Executions per key (instance + step): more than one means the activity ran again.</summary>
    public ConcurrentDictionary<string, int> Calls { get; } = new();

    /// <summary>Side effects, recorded idempotently by key: one entry per effect whatever the runs.</summary>
    public ConcurrentDictionary<string, int> Effects { get; } = new();

    public long Executions => Interlocked.Read(ref _executions);

    /// <summary>What <see cref="GatedActivity"/> waits for.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gated activities running now, and the most ever running at once.</summary>
    public int Running => Volatile.Read(ref _running);

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    public void Enter()
    {
        var now = Interlocked.Increment(ref _running);
        int max;
        while (now > (max = Volatile.Read(ref _maxRunning)) && Interlocked.CompareExchange(ref _maxRunning, now, max) != max)
        {
        }
    }

    public void Leave() => Interlocked.Decrement(ref _running);

    public int Call(string key)
    {
        Interlocked.Increment(ref _executions);
        return Calls.AddOrUpdate(key, 1, (_, n) => n + 1);
    }
}
