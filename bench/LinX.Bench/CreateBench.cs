using System.Diagnostics;
using System.Net;
using Azure.Data.Tables;
using LinX.Bench.Harness;

namespace LinX.Bench;

/// <summary>
/// Benchmark 1: workflows accepted per second through <c>POST /api/linx/workflows</c> at several client
/// concurrencies, against Azurite's raw table-write capacity at the same concurrency on the same machine.
/// The durable worker is stopped so that every counted storage request belongs to a create.
/// </summary>
internal static class CreateBench
{
    public static async Task RunAsync(string connectionString, BenchOptions options)
    {
        var seconds = options.Int("seconds", 10);
        var levels = options.Ints("levels", 1, 8, 32, 128);
        var table = new ResultTable(
            $"Create throughput ({seconds} s per level, seed example 1 with an Idempotency-Key, durable worker stopped)",
            "clients", "creates/s", "p50 ms", "p99 ms", "storage req/create", "raw table writes/s", "storage-bound limit/s", "LinX / limit", "raw create mix/s", "LinX / mix", "CPU: machine / bench+host / Azurite");
        var json = Seeds.Json(1);
        string breakdown = string.Empty;

        foreach (var clients in levels)
        {
            // Each level on a fresh host with its own empty tables, like the raw measurements: Azurite finds a row by
            // scanning its partition, so rows left by an earlier level would slow this one.
            var settings = new HostSettings(connectionString);
            await using var host = await InProcessHost.StartAsync(settings);
            await WorkerConnectedAsync(host);
            await host.Worker.StopAsync(CancellationToken.None);
            await RunForAsync(clients, TimeSpan.FromSeconds(1), async _ => await CreateAsync(host.Api, json)); // warm-up (JIT, connections)
            var before = host.StorageRequests;
            var ops = host.Tables.ByOperation();
            var machine = Measure.MachineCpu();
            var cpu = Measure.Cpu();
            var azuriteCpu = Measure.ChildCpu();
            var (count, latencies) = await RunForAsync(clients, TimeSpan.FromSeconds(seconds), async _ => await CreateAsync(host.Api, json));
            var perCreate = (double)(host.StorageRequests - before) / count;
            var busy = Measure.BusyPercent(machine, Measure.MachineCpu());
            var ours = 100 * (Measure.Cpu() - cpu).TotalSeconds / seconds / Environment.ProcessorCount;
            var azurite = 100 * (Measure.ChildCpu() - azuriteCpu).TotalSeconds / seconds / Environment.ProcessorCount;
            breakdown = Measure.Breakdown(ops, host.Tables.ByOperation(), count, settings);
            var raw = await RawWritesPerSecondAsync(connectionString, clients, TimeSpan.FromSeconds(seconds));
            var mix = await RawCreateMixPerSecondAsync(connectionString, clients, TimeSpan.FromSeconds(seconds));
            var rate = count / (double)seconds;
            var limit = raw / perCreate;
            table.Add(
                clients.ToString(System.Globalization.CultureInfo.InvariantCulture), Stats.F(rate), Stats.F(Stats.Percentile(latencies, 0.5)),
                Stats.F(Stats.Percentile(latencies, 0.99)), Stats.F(perCreate, 2), Stats.F(raw), Stats.F(limit), Stats.F(100 * rate / limit, 0) + " %",
                Stats.F(mix), Stats.F(100 * rate / mix, 0) + " %", $"{Stats.F(busy, 0)} % / {Stats.F(ours, 0)} % / {Stats.F(azurite, 0)} %");
        }

        table.Print();
        Console.WriteLine();
        Console.WriteLine($"LinX-table requests per create (last level; the durable client adds its own): {breakdown}");
    }

    private static async Task<double> CreateAsync(LinxHttp api, string json)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await api.CreateAsync(json, Guid.NewGuid().ToString("N"));
        if (result.Status != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Create answered {(int)result.Status}: {result.Body}");
        }

        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>Azurite's raw capacity: inserts of a workflow-sized entity (about 2 KB) by this many clients.</summary>
    private static async Task<double> RawWritesPerSecondAsync(string connectionString, int clients, TimeSpan duration)
    {
        var client = new TableServiceClient(connectionString).GetTableClient(LinX.Testing.AzuriteFixture.UniqueName("raw"));
        await client.CreateIfNotExistsAsync();
        var payload = new string('x', 2000);
        var (count, _) = await RunForAsync(clients, duration, async worker =>
        {
            var start = Stopwatch.GetTimestamp();
            await client.AddEntityAsync(new TableEntity($"p{worker}", Guid.NewGuid().ToString("N")) { ["Body"] = payload, ["Status"] = "CREATED" });
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        });
        await client.DeleteAsync();
        return count / duration.TotalSeconds;
    }

    /// <summary>Creates' storage requests issued straight from the SDK by this many clients (see <see cref="RawCreateMix"/>).</summary>
    private static async Task<double> RawCreateMixPerSecondAsync(string connectionString, int clients, TimeSpan duration)
    {
        var mix = await RawCreateMix.CreateAsync(connectionString);
        var (count, _) = await RunForAsync(clients, duration, async _ =>
        {
            var start = Stopwatch.GetTimestamp();
            await mix.OneAsync();
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        });
        await mix.DeleteAsync();
        return count / duration.TotalSeconds;
    }

    /// <summary>Runs <paramref name="clients"/> loops of <paramref name="call"/> for a duration; returns the calls made and their latencies.</summary>
    internal static async Task<(int Count, List<double> Latencies)> RunForAsync(int clients, TimeSpan duration, Func<int, Task<double>> call)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>[clients];
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (Stopwatch.GetTimestamp() < until)
            {
                mine.Add(await call(worker));
            }
        }));
        var all = latencies.SelectMany(l => l).ToList();
        return (all.Count, all);
    }

    /// <summary>
    /// Waits until the worker runs workflows (one sent its SMS) before the bench stops it: the sidecar starts the
    /// engine's backend only once a worker has connected, and a host stopped before that fails in the sidecar's stop.
    /// </summary>
    private static async Task WorkerConnectedAsync(InProcessHost host)
    {
        var created = await host.Api.CreateAsync(Seeds.Json(1), Guid.NewGuid().ToString("N"));
        await LinX.Testing.Poll.UntilAsync(
            async () => (await host.Api.WorkflowAsync(created.WorkflowId!)).GetProperty("status").GetString() == "ACTIVE",
            TimeSpan.FromSeconds(60),
            "the worker to run a first workflow");
    }
}
