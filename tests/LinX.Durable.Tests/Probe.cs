using System.Collections.Concurrent;

namespace LinX.Durable.Tests;

/// <summary>What the test activities did, shared with the test through DI (a singleton per test host).</summary>
public sealed class Probe
{
    private long _executions;

    /// <summary>Executions per key (instance + step): more than one means the activity ran again.</summary>
    public ConcurrentDictionary<string, int> Calls { get; } = new();

    /// <summary>Side effects, recorded idempotently by key: one entry per effect whatever the runs.</summary>
    public ConcurrentDictionary<string, int> Effects { get; } = new();

    public long Executions => Interlocked.Read(ref _executions);

    public int Call(string key)
    {
        Interlocked.Increment(ref _executions);
        return Calls.AddOrUpdate(key, 1, (_, n) => n + 1);
    }
}
