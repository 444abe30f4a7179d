using System.Collections.Concurrent;
using System.Diagnostics;
using LinX.Core.Orchestration;

namespace LinX.Durable.Bench;

/// <summary>Does nothing: the benchmark measures the runtime, not the work.</summary>
public sealed class NoopActivity : IActivity<int, int>
{
    public const string Name = "Noop";

    public Task<int> RunAsync(int input, CancellationToken cancellationToken) => Task.FromResult(input + 1);
}

/// <summary>Records when it ran, per instance, to measure raise-event to next-activity latency.</summary>
public sealed class StampActivity : IActivity<string, long>
{
    public const string Name = "Stamp";

    public static ConcurrentDictionary<string, long> Stamps { get; } = new();

    public Task<long> RunAsync(string input, CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        Stamps.TryAdd(input, now);
        return Task.FromResult(now);
    }
}
