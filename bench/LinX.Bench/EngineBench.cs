using System.Diagnostics;
using LinX.Bench.Harness;
using LinX.Local.Durable;
using LinX.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LinX.Bench;

/// <summary>
/// Benchmark 4, the baseline: the bare engine (the same sidecar, Azure Storage backend and tuning as LinX.Local) running
/// an orchestration shaped like LinX's seed example 3 — as many activities (no-ops), external events and timers per
/// workflow — driven by the same number of concurrent customers who raise each event and poll the instance until the
/// step is done. What LinX adds on top of the engine is the difference between this and the workflow bench.
/// </summary>
internal static class EngineBench
{
    private const string Orchestrator = "Seed3Shape";
    private const string Noop = "Noop";

    /// <summary>Activities before the first wait, and after each of the three waits (seed 3 in LinX: 2 + 2 + 2 + 2).</summary>
    private static readonly int[] ActivitiesPerPhase = [2, 2, 2, 2];

    public static async Task RunAsync(string connectionString, BenchOptions options)
    {
        var workflows = options.Int("workflows", 200);
        var customers = options.Int("customers", 16);
        var pollInterval = TimeSpan.FromMilliseconds(options.Int("pollMs", 100));
        var engine = new StorageRequestCounter();
        using var host = Build(connectionString, engine, options.Int("queuePollingMs", 100));
        await host.StartAsync();
        var client = host.Services.GetRequiredService<DurableTaskClient>();

        await DriveAsync(client, 8, customers, pollInterval); // warm-up
        var before = engine.Requests;
        var beforeOps = engine.ByOperation();
        var clock = Stopwatch.StartNew();
        var latencies = await DriveAsync(client, workflows, customers, pollInterval);
        clock.Stop();
        var polls = StorageRequestCounter.Delta(beforeOps, engine.ByOperation()).Where(o => o.Operation.StartsWith("GET ", StringComparison.Ordinal) && o.Operation.EndsWith("Instances()", StringComparison.Ordinal)).Sum(o => o.Count);
        var activities = StorageRequestCounter.Delta(beforeOps, engine.ByOperation()).Where(o => o.Operation.EndsWith("-workitems", StringComparison.Ordinal) && o.Operation.StartsWith("POST ", StringComparison.Ordinal)).Sum(o => o.Count);

        var table = new ResultTable(
            $"Bare engine: {workflows} seed-3-shaped orchestrations ({ActivitiesPerPhase.Sum()} no-op activities, 3 events, 3 timers each) by {customers} concurrent customers polling every {pollInterval.TotalMilliseconds:0} ms",
            "metric", "value");
        table.Add("completed per second", Stats.F(workflows / clock.Elapsed.TotalSeconds));
        table.Add("raise event -> step done, p50", Stats.F(Stats.Percentile(latencies, 0.5)) + " ms");
        table.Add("raise event -> step done, p99", Stats.F(Stats.Percentile(latencies, 0.99)) + " ms");
        table.Add("engine storage requests per workflow, all", Stats.F((double)(engine.Requests - before) / workflows));
        table.Add("  of which the customers' status reads", Stats.F((double)polls / workflows));
        table.Add("activities per workflow", Stats.F((double)activities / workflows));
        table.Print();
        Console.WriteLine();
        Console.WriteLine("Per workflow, by operation: " + string.Join(", ", StorageRequestCounter.Delta(beforeOps, engine.ByOperation()).Take(20)
            .Select(o => $"{o.Operation}: {Stats.F((double)o.Count / workflows, 2)}")));
    }

    private static IHost Build(string connectionString, StorageRequestCounter engine, int queuePollingMs)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LinX:Durable:ConnectionString"] = connectionString,
            ["LinX:Durable:TaskHub"] = AzuriteFixture.UniqueName("bare"),
            ["LinX:Durable:MaxQueuePollingInterval"] = TimeSpan.FromMilliseconds(queuePollingMs).ToString(),
        });
        builder.Services.AddSingleton(InProcessHost.EngineClients(connectionString, engine));
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.AddDurableTaskEngine(tasks => tasks
            .AddActivityFunc<int, int>(Noop, (_, step) => step)
            .AddOrchestratorFunc<int, int>(Orchestrator, RunShapeAsync));
        return builder.Build();
    }

    /// <summary>Seed 3's shape: activities, then three times a wait for an event raced against a timer, then activities.</summary>
    private static async Task<int> RunShapeAsync(TaskOrchestrationContext context, int input)
    {
        for (var phase = 0; phase < ActivitiesPerPhase.Length; phase++)
        {
            if (phase > 0)
            {
                using var cts = new CancellationTokenSource();
                var submitted = context.WaitForExternalEvent<int>("Submit", cts.Token);
                var timer = context.CreateTimer(context.CurrentUtcDateTime.AddDays(1), cts.Token);
                await Task.WhenAny(submitted, timer);
                cts.Cancel();
            }

            for (var i = 0; i < ActivitiesPerPhase[phase]; i++)
            {
                await context.CallActivityAsync<int>(Noop, phase);
            }

            context.SetCustomStatus(phase);
        }

        return input;
    }

    private static async Task<List<double>> DriveAsync(DurableTaskClient client, int count, int customers, TimeSpan pollInterval)
    {
        var latencies = new List<double>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, customers).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                var id = await client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, 0);
                await UntilPhaseAsync(client, id, 0, pollInterval);
                for (var phase = 1; phase < ActivitiesPerPhase.Length; phase++)
                {
                    var clock = Stopwatch.StartNew();
                    await client.RaiseEventAsync(id, "Submit", phase);
                    await UntilPhaseAsync(client, id, phase, pollInterval);
                    lock (latencies)
                    {
                        latencies.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }
            }
        }));
        return latencies;
    }

    private static Task UntilPhaseAsync(DurableTaskClient client, string id, int phase, TimeSpan pollInterval) =>
        Poll.UntilAsync(
            async () =>
            {
                var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
                var done = int.TryParse(instance?.SerializedCustomStatus, System.Globalization.CultureInfo.InvariantCulture, out var reached) && reached >= phase;
                if (!done)
                {
                    await Task.Delay(pollInterval);
                }

                return done;
            },
            TimeSpan.FromMinutes(5),
            $"phase {phase} of {id}");
}
