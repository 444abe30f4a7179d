using System.Diagnostics;
using System.Net;
using LinX.Bench.Harness;
using LinX.Infrastructure.Sms;
using LinX.Local.Durable;
using LinX.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LinX.Bench;

/// <summary>
/// Benchmark 3: what waiting costs. Host memory, CPU and storage requests per minute while idle, first with one
/// workflow waiting, then with many (default 10,000) waiting for their customers. Default polling options
/// (the production defaults), so that the idle request rate is the one a deployment would pay.
/// </summary>
internal static class IdleBench
{
    public static async Task RunAsync(string connectionString, BenchOptions options)
    {
        var waiting = options.Int("waiting", 10_000);
        var idle = TimeSpan.FromSeconds(options.Int("idleSeconds", 60));
        var settings = new HostSettings(connectionString);
        await using var host = await InProcessHost.StartAsync(settings);

        await CreateWaitingAsync(host, 1);
        var memoryBefore = Measure.Memory();
        var (requestsOne, cpuOne, opsOne) = await IdleAsync(host, idle);

        var clock = Stopwatch.StartNew();
        await CreateWaitingAsync(host, waiting);
        clock.Stop();
        var memoryAfter = Measure.Memory();
        var (requestsMany, cpuMany, opsMany) = await IdleAsync(host, idle);

        var perMinute = 60 / idle.TotalSeconds;
        var table = new ResultTable($"Idle cost: {waiting} workflows waiting for their customers ({idle.TotalSeconds:0} s idle windows)", "metric", "1 waiting", $"{waiting + 1} waiting");
        table.Add("managed heap (after full GC)", Measure.Mb(memoryBefore.Heap), Measure.Mb(memoryAfter.Heap));
        table.Add("process working set", Measure.Mb(memoryBefore.WorkingSet), Measure.Mb(memoryAfter.WorkingSet));
        table.Add("CPU while idle (% of one core)", Stats.F(100 * cpuOne / idle.TotalSeconds), Stats.F(100 * cpuMany / idle.TotalSeconds));
        table.Add("storage requests per minute while idle", Stats.F(requestsOne * perMinute), Stats.F(requestsMany * perMinute));
        table.Print();
        Console.WriteLine();
        Console.WriteLine($"Heap growth: {Measure.Mb(memoryAfter.Heap - memoryBefore.Heap)}; working set growth: {Measure.Mb(memoryAfter.WorkingSet - memoryBefore.WorkingSet)}; {waiting} created and settled in {Stats.F(clock.Elapsed.TotalSeconds)} s.");
        Console.WriteLine($"Idle requests per minute by operation, 1 waiting: {opsOne}");
        Console.WriteLine($"Idle requests per minute by operation, {waiting + 1} waiting: {opsMany}");
    }

    /// <summary>Creates workflows (seed 1) and waits until each has sent its SMS and the runtime has gone quiet.</summary>
    private static async Task CreateWaitingAsync(InProcessHost host, int count)
    {
        var json = Seeds.Json(1);
        var inbox = host.Services.GetRequiredService<DevSmsInbox>();
        var smsBefore = inbox.TotalSent;
        var created = 0;
        using var progress = new ProgressLine(() => $"{Volatile.Read(ref created)} of {count} created, {inbox.TotalSent - smsBefore} SMS sent, {HistoryWrites(host)} history writes");
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, ct) =>
        {
            // Like a business: retry a create that timed out with the same Idempotency-Key (Azurite saturates here).
            var key = Guid.NewGuid().ToString("N");
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var answer = await host.Api.CreateAsync(json, key, ct);
                    if (answer.Status != HttpStatusCode.Accepted)
                    {
                        throw new InvalidOperationException($"Create answered {(int)answer.Status}.");
                    }

                    Interlocked.Increment(ref created);
                    return;
                }
                catch (TaskCanceledException) when (attempt < 5 && !ct.IsCancellationRequested)
                {
                }
            }
        });

        // Every workflow has sent its SMS (the dev inbox counts them); then the runtime goes quiet once each has
        // recorded ACTIVE and waits on its timer and event. Quiet means no episode (a batch write to the hub's History
        // table) for longer than a received control message stays hidden, so that one received during the creates and
        // redelivered later is not measured as idle.
        // Generous bounds: on Azurite 10,000 take hours (every queue operation re-sorts all stored messages).
        await Poll.UntilAsync(() => Task.FromResult(inbox.TotalSent - smsBefore >= count), TimeSpan.FromHours(4), "the workflows to be waiting");
        var quietFor = host.Services.GetRequiredService<IOptions<DurableTaskHubOptions>>().Value.ControlQueueVisibilityTimeout + TimeSpan.FromSeconds(5);
        var last = -1L;
        await Poll.UntilAsync(
            async () =>
            {
                await Task.Delay(quietFor);
                var now = HistoryWrites(host);
                var quiet = now == last;
                last = now;
                return quiet;
            },
            TimeSpan.FromHours(2),
            "the runtime to go quiet");
    }

    /// <summary>Requests so far per operation, LinX tables and engine together.</summary>
    private static Dictionary<string, long> Operations(InProcessHost host) =>
        host.Tables.ByOperation().Concat(host.Engine.ByOperation())
            .GroupBy(o => o.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(o => o.Value), StringComparer.Ordinal);

    /// <summary>The engine's table batches: the History writes of its episodes.</summary>
    private static long HistoryWrites(InProcessHost host) => host.Engine.ByOperation().GetValueOrDefault("POST $batch");

    private static async Task<(long Requests, double CpuSeconds, string Operations)> IdleAsync(InProcessHost host, TimeSpan window)
    {
        var requests = host.StorageRequests;
        var ops = Operations(host);
        var cpu = Measure.Cpu();
        await Task.Delay(window);
        var cpuSeconds = (Measure.Cpu() - cpu).TotalSeconds;
        return (host.StorageRequests - requests, cpuSeconds, Measure.Breakdown(ops, Operations(host), window.TotalMinutes, host.Settings));
    }

    /// <summary>Prints a state line every minute until disposed, so that an hours-long run shows where it is.</summary>
    private sealed class ProgressLine : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        public ProgressLine(Func<string> state)
        {
            var clock = Stopwatch.StartNew();
            var stop = _stop.Token;
            _ = Task.Run(async () =>
            {
                using var minutes = new PeriodicTimer(TimeSpan.FromMinutes(1));
                try
                {
                    while (await minutes.WaitForNextTickAsync(stop))
                    {
                        Console.WriteLine($"  {clock.Elapsed:hh\\:mm\\:ss} {state()}");
                    }
                }
                catch (OperationCanceledException)
                {
                }
            });
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}
