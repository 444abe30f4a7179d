using System.Diagnostics;
using System.Globalization;
using LinX.Core.Orchestration;
using LinX.Durable;
using LinX.Durable.Bench;
using LinX.Durable.Hosting;
using LinX.Durable.Storage;
using LinX.Durable.Worker;
using LinX.Testing;
using Microsoft.Extensions.DependencyInjection;

// Usage: dotnet run -c Release --project bench/LinX.Durable.Bench [instances=500] [latencySamples=200] [waiting=10000]
var instances = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
var samples = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var waiting = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;

// Azurite on disk: in memory its queue garbage collection grows with the square of the messages sent (ADR 0008).
var azurite = AzuriteFixture.OnDisk();
await azurite.InitializeAsync();
using var stopOnExit = azurite.StopOnProcessExit();
try
{
    var rows = new List<(string Metric, string Value)>();

    // 1. Throughput and storage requests: a 4-activity sequence.
    if (instances > 0)
    {
        await using var run = await Runtime.StartAsync(azurite.ConnectionString, "benchseq");
        var before = run.Metrics.Requests;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, instances), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await run.Client.ScheduleNewOrchestrationInstanceAsync("Seq4", 0, $"seq-{i}", ct));
        await run.WaitForEpisodesAsync(instances * 5L);
        clock.Stop();
        var requests = run.Metrics.Requests - before;
        rows.Add(("4-activity sequences completed per second", (instances / clock.Elapsed.TotalSeconds).ToString("F1", CultureInfo.InvariantCulture)));
        rows.Add(("storage requests per completed instance", ((double)requests / instances).ToString("F1", CultureInfo.InvariantCulture)));
        rows.Add(("  (instances, wall time)", $"{instances}, {clock.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine($"throughput done: {clock.Elapsed.TotalSeconds:F1} s");
    }

    // 2. Latency from RaiseEvent to the completion of the activity the event unblocks.
    if (samples > 0)
    {
        await using var run = await Runtime.StartAsync(azurite.ConnectionString, "benchlat");
        for (var i = 0; i < samples; i++)
        {
            await run.Client.ScheduleNewOrchestrationInstanceAsync("WaitThenStamp", null, $"lat-{i}");
        }

        await run.WaitForEpisodesAsync(samples);
        var latencies = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var id = $"lat-{i}";
            var start = Stopwatch.GetTimestamp();
            await run.Client.RaiseEventAsync(id, "Go", i);
            while (!StampActivity.Stamps.TryGetValue(id, out _))
            {
                await Task.Delay(1);
            }

            latencies.Add(Stopwatch.GetElapsedTime(start, StampActivity.Stamps[id]).TotalMilliseconds);
        }

        latencies.Sort();
        Console.WriteLine("latency done");
        rows.Add(("raise-event -> next activity done, p50", $"{Percentile(latencies, 0.50):F1} ms"));
        rows.Add(("raise-event -> next activity done, p99", $"{Percentile(latencies, 0.99):F1} ms"));
    }

    // 3. Memory with many instances waiting on an event: they are rows in storage, not objects in memory.
    await using (var run = await Runtime.StartAsync(azurite.ConnectionString, "benchmem"))
    {
        var baseline = Measure();
        var clock = Stopwatch.StartNew();

        // Modest parallelism: Azurite is one Node.js process sharing the machine with this one.
        await Parallel.ForEachAsync(Enumerable.Range(0, waiting), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            await run.Client.ScheduleNewOrchestrationInstanceAsync("Wait", null, $"wait-{i}", ct);
            if ((i + 1) % 1000 == 0)
            {
                Console.WriteLine($"scheduled {i + 1} waiting instances, {clock.Elapsed.TotalSeconds:F0} s");
            }
        });
        await run.WaitForEpisodesAsync(waiting);
        var loaded = Measure();
        rows.Add(($"managed heap, idle runtime -> {waiting} instances waiting", $"{baseline.Heap / 1e6:F1} MB -> {loaded.Heap / 1e6:F1} MB"));
        rows.Add(($"process working set, idle runtime -> {waiting} instances waiting", $"{baseline.WorkingSet / 1e6:F1} MB -> {loaded.WorkingSet / 1e6:F1} MB"));
    }

    Console.WriteLine();
    Console.WriteLine($"LinX.Durable on Azurite, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    Console.WriteLine("| metric | value |");
    Console.WriteLine("|---|---|");
    foreach (var (metric, value) in rows)
    {
        Console.WriteLine($"| {metric} | {value} |");
    }
}
finally
{
    await azurite.DisposeAsync();
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static (long Heap, long WorkingSet) Measure()
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    using var process = Process.GetCurrentProcess();
    return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
}

/// <summary>One runtime on its own task hub, with the benchmark's orchestrators.</summary>
internal sealed class Runtime : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private Runtime(ServiceProvider provider)
    {
        _provider = provider;
        Client = provider.GetRequiredService<IOrchestrationClient>();
        Worker = provider.GetRequiredService<DurableWorker>();
        Metrics = provider.GetRequiredService<DurableStorageMetrics>();
    }

    public IOrchestrationClient Client { get; }

    public DurableWorker Worker { get; }

    public DurableStorageMetrics Metrics { get; }

    public static async Task<Runtime> StartAsync(string connectionString, string taskHub)
    {
        var services = new ServiceCollection();
        services.AddLinXDurable(o =>
            {
                o.ConnectionString = connectionString;
                o.TaskHub = taskHub;
                o.MaxConcurrentOrchestrations = 32;
                o.MaxConcurrentActivities = 32;
                o.MinPollingInterval = TimeSpan.FromMilliseconds(10);
                o.MaxPollingInterval = TimeSpan.FromSeconds(1);
            })
            .AddActivity<NoopActivity, int, int>(NoopActivity.Name)
            .AddActivity<StampActivity, string, long>(StampActivity.Name)
            .AddOrchestrator("Seq4", async ctx =>
            {
                var x = ctx.GetInput<int>();
                for (var i = 0; i < 4; i++)
                {
                    x = await ctx.CallActivityAsync<int>(NoopActivity.Name, x);
                }

                return x;
            })
            .AddOrchestrator("WaitThenStamp", async ctx =>
            {
                await ctx.WaitForExternalEvent<int>("Go");
                return await ctx.CallActivityAsync<long>(StampActivity.Name, ctx.InstanceId);
            })
            .AddOrchestrator("Wait", ctx => ctx.WaitForExternalEvent<int>("Go"));
        var runtime = new Runtime(services.BuildServiceProvider());
        await runtime.Worker.StartAsync(CancellationToken.None);
        return runtime;
    }

    /// <summary>Waits until the worker has committed this many episodes (no storage reads: they would skew the request count).</summary>
    public async Task WaitForEpisodesAsync(long episodes)
    {
        while (Worker.EpisodesCommitted < episodes)
        {
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Worker.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
    }
}
