using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using LinX.Bench.Harness;

namespace LinX.Bench;

/// <summary>
/// Benchmark 5: a 1,000-entry batch (10 invalid) on the local host: its accept time (POST to 202), workflows started per
/// second until every valid entry has started, and submit -> step done of 16 scripted customers (seed workflows) while it
/// runs, against the same customers without a batch and after it (its workflows waiting for their customers) (ADR 0022).
/// </summary>
internal static class BatchBench
{
    public static async Task RunAsync(string connectionString, BenchOptions options)
    {
        var entries = options.Int("entries", 1000);
        var customers = options.Int("customers", 16);
        var rate = options.Int("rate", 20);
        var baseline = options.Int("baseline", 160);
        var afterwards = options.Int("after", 64);
        var settings = new HostSettings(connectionString);
        settings.Values["LinX:Durable:MaxQueuePollingInterval"] = "00:00:00.100";
        settings.Values["LinX:Batches:WorkflowsPerSecond"] = rate.ToString(CultureInfo.InvariantCulture);
        await using var host = await InProcessHost.StartAsync(settings);
        var driver = new CustomerDriver(host.Api, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));
        int[] seeds = [1, 2, 3, 4];
        var templateId = await BatchRun.SeedTemplateAsync(settings);

        await WorkflowBench.DriveAsync(host, driver, seeds, 0, 8, 8); // warm-up
        var alone = await WorkflowBench.DriveAsync(host, driver, seeds, 0, baseline, customers);

        var invalid = Enumerable.Range(0, entries / 100).Select(i => (i * 100) + 37).ToHashSet();
        var body = BatchRun.Body(templateId, entries, "bench-batch-" + Guid.NewGuid().ToString("N"), invalid);
        var clock = Stopwatch.StartNew();
        var batchId = await BatchRun.PostAsync(host.Api, body);
        var accepted = clock.Elapsed;
        var allStarted = false;
        var during = WorkflowBench.DriveAsync(host, driver, seeds, 0, int.MaxValue, customers, () => Volatile.Read(ref allStarted));
        var shedReads = 0;
        var done = await LinX.Testing.Poll.UntilAsync(
            async () =>
            {
                try
                {
                    return (JsonElement?)await BatchRun.GetAsync(host.Api, batchId);
                }
                catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    shedReads++; // an overloaded host sheds: read again
                    return null;
                }
            },
            b => b is { } read && BatchRun.Started(read) >= entries - invalid.Count, TimeSpan.FromMinutes(60), "every valid entry to start");
        var batch = done.GetValueOrDefault();
        var startedIn = clock.Elapsed - accepted;
        Volatile.Write(ref allStarted, true);
        var withBatch = await during;

        // The same customers again once every entry has started and waits for its customer: what is left of the cost is
        // that of the waiting workflows, not of the batch's starts.
        var after = await WorkflowBench.DriveAsync(host, driver, seeds, 0, afterwards, customers);

        var table = new ResultTable(
            $"Batch: {entries} entries ({invalid.Count} invalid) at LinX:Batches:WorkflowsPerSecond={rate}, while {customers} scripted customers drive seed workflows",
            "metric", "value");
        table.Add("accept (POST -> 202)", Stats.F(accepted.TotalMilliseconds) + " ms");
        table.Add($"started: {BatchRun.Started(batch)} workflows in", Stats.F(startedIn.TotalSeconds) + " s");
        table.Add("workflows started per second", Stats.F(BatchRun.Started(batch) / startedIn.TotalSeconds));
        table.Add("rejected entries", batch.GetProperty("rejectedRequestsCount").GetInt32().ToString(CultureInfo.InvariantCulture));
        table.Add("503 answers (retried): creates / batch reads", $"{WorkflowBench.Sheds} / {shedReads}");
        Add(table, $"without a batch ({alone.Count} workflows)", alone);
        Add(table, $"while the batch runs ({withBatch.Count} workflows)", withBatch);
        Add(table, $"after, with its {BatchRun.Started(batch)} waiting ({after.Count} workflows)", after);
        table.Print();
    }

    private static void Add(ResultTable table, string label, List<DriveResult> results)
    {
        var latencies = results.SelectMany(r => r.StepLatenciesMs).ToList();
        table.Add($"{label}: submit -> step done, p50", Stats.F(Stats.Percentile(latencies, 0.5)) + " ms");
        table.Add($"{label}: submit -> step done, p99", Stats.F(Stats.Percentile(latencies, 0.99)) + " ms");
    }
}
