using System.Diagnostics;
using System.Net;
using LinX.Bench.Harness;

namespace LinX.Bench;

/// <summary>
/// Benchmark 2: seed-example workflows (1..4 in turn) created by the business and driven to COMPLETED by
/// scripted customers through the Gateway API: completions per second, submit-to-step-done latency, and storage
/// requests per completed workflow (everything counted, then without the customers' own status polls).
/// </summary>
internal static class WorkflowBench
{

    public static async Task RunAsync(string connectionString, BenchOptions options)
    {
        var workflows = options.Int("workflows", 1000);
        var customers = options.Int("customers", 16);

        // seeds=3 drives only seed example 3, the shape of the bare-engine baseline (EngineBench); default all four in turn.
        var seeds = options.Text("seeds", "1,2,3,4").Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        // How often a customer reads the view while a step is applied: finer than the Gateway page's 600 ms so the
        // latency is measured to within this, but not so fine that the customers' reads become the load.
        var pollInterval = TimeSpan.FromMilliseconds(options.Int("pollMs", 100));
        var settings = new HostSettings(connectionString);
        settings.Values["LinX:Durable:MaxQueuePollingInterval"] = "00:00:00.100";
        await using var host = await InProcessHost.StartAsync(settings);
        using var listener = new AzureRequestListener();
        var driver = new CustomerDriver(host.Api, pollInterval, TimeSpan.FromMinutes(5));

        await DriveAsync(host, driver, seeds, 0, 8, 8); // warm-up
        var viewCost = await ViewCostAsync(host);

        var before = host.StorageRequests;
        var beforeTables = host.Tables.Requests;
        var beforeEngine = host.Engine.ByOperation();
        var beforeOps = listener.ByOperation();
        var results = new List<DriveResult>(workflows);
        var clock = Stopwatch.StartNew();
        results.AddRange(await DriveAsync(host, driver, seeds, 0, workflows, customers));
        clock.Stop();
        var requests = host.StorageRequests - before;
        var tables = host.Tables.Requests - beforeTables;
        var engineOps = StorageRequestCounter.Delta(beforeEngine, host.Engine.ByOperation());
        var activities = engineOps.Where(o => o.Operation.StartsWith("POST ", StringComparison.Ordinal) && o.Operation.EndsWith("-workitems", StringComparison.Ordinal)).Sum(o => o.Count);
        var views = results.Sum(r => r.Views);
        var latencies = results.SelectMany(r => r.StepLatenciesMs).ToList();
        var perWorkflowNoPolls = (requests - views * viewCost) / workflows;
        var leftInControlQueues = await MessagesLeftAsync(settings);

        var table = new ResultTable(
            $"Full workflow: {workflows} seed examples ({string.Join(",", seeds)} in turn) driven to COMPLETED by {customers} concurrent scripted customers reading every {pollInterval.TotalMilliseconds:0} ms",
            "metric", "value");
        table.Add("completed per second", Stats.F(workflows / clock.Elapsed.TotalSeconds));
        table.Add("wall time", Stats.F(clock.Elapsed.TotalSeconds) + " s");
        table.Add("not COMPLETED", results.Count(r => r.Status != "COMPLETED").ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.Add("customer submit -> step COMPLETED, p50", Stats.F(Stats.Percentile(latencies, 0.5)) + " ms");
        table.Add("customer submit -> step COMPLETED, p99", Stats.F(Stats.Percentile(latencies, 0.99)) + " ms");
        table.Add("storage requests per completed workflow, all", Stats.F((double)requests / workflows));
        table.Add($"  LinX tables (of which the customer's status polls: {Stats.F((double)views / workflows)} views x {Stats.F(viewCost, 2)} req)", $"{Stats.F((double)tables / workflows)} ({Stats.F(views * viewCost / workflows)})");
        table.Add("  engine (task hub tables, queues, blobs)", Stats.F((double)(requests - tables) / workflows));
        table.Add("storage requests per completed workflow, without the polls", Stats.F(perWorkflowNoPolls));
        table.Add("activities per completed workflow (one per step's I/O would be " + Stats.F(MinimumActivities(seeds)) + ")", Stats.F((double)activities / workflows));
        table.Add("cancelled timers left in the control queues per workflow", Stats.F((double)leftInControlQueues / (workflows + 8)));
        table.Print();
        Console.WriteLine();
        Console.WriteLine("Per completed workflow, by operation (Azure SDK diagnostics; includes the polls): " +
            Measure.Breakdown(beforeOps, listener.ByOperation(), workflows, settings, top: 30));
        Console.WriteLine("Engine requests per completed workflow, by operation: " +
            string.Join(", ", engineOps.Take(20).Select(o => $"{o.Operation.Replace(settings.TaskHub, "hub", StringComparison.OrdinalIgnoreCase)}: {Stats.F((double)o.Count / workflows, 2)}")));
    }

    private static int _sheds;

    /// <summary>Creates answered 503 (and retried with the same idempotency key) so far.</summary>
    internal static int Sheds => Volatile.Read(ref _sheds);

    /// <summary>
    /// <paramref name="customers"/> scripted customers driving <paramref name="count"/> seed workflows to COMPLETED, or
    /// fewer: none starts once <paramref name="stop"/> says so.
    /// </summary>
    internal static async Task<List<DriveResult>> DriveAsync(
        InProcessHost host, CustomerDriver driver, int[] seeds, int first, int count, int customers, Func<bool>? stop = null)
    {
        var results = new List<DriveResult>();
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, customers).Select(async _ =>
        {
            int i;
            while (stop?.Invoke() != true && (i = Interlocked.Increment(ref next)) < count)
            {
                var script = new WorkflowScript(seeds[(first + i) % seeds.Length], ScriptEnding.Complete);
                var key = Guid.NewGuid().ToString("N");
                var created = await host.Api.CreateAsync(Seeds.Json(script.Seed), key);
                while (created.Status == HttpStatusCode.ServiceUnavailable)
                {
                    // An overloaded host sheds with 503 (a request deadline passed): a client retries with the same key.
                    Interlocked.Increment(ref _sheds);
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    created = await host.Api.CreateAsync(Seeds.Json(script.Seed), key);
                }

                if (created.Status != HttpStatusCode.Accepted)
                {
                    throw new InvalidOperationException($"Create answered {(int)created.Status}: {created.Body}");
                }

                var result = await driver.RunAsync(created.WorkflowId!, created.Token!, script);
                lock (results)
                {
                    results.Add(result);
                    if (results.Count % 100 == 0)
                    {
                        // Progress, to see whether the rate holds as storage fills up.
                        Console.WriteLine($"  {results.Count} completed in {Stats.F(clock.Elapsed.TotalSeconds)} s");
                    }
                }
            }
        }));
        return results;
    }

    /// <summary>One activity per step's I/O (the SMS, then each step's create, lookup or transaction), averaged over the four seeds.</summary>
    private static double MinimumActivities(int[] seeds) => seeds.Average(seed => 1.0 + Seeds.StepsOf(seed).Count);

    /// <summary>Messages still in the hub's control queues: the timers of ended workflows, which wait there until due.</summary>
    private static async Task<long> MessagesLeftAsync(HostSettings settings)
    {
        var queues = new Azure.Storage.Queues.QueueServiceClient(settings.ConnectionString);
        long left = 0;
        await foreach (var queue in queues.GetQueuesAsync(prefix: settings.TaskHub + "-control"))
        {
            left += (await queues.GetQueueClient(queue.Name).GetPropertiesAsync()).Value.ApproximateMessagesCount;
        }

        return left;
    }

    /// <summary>LinX-table requests of one Gateway view (what each customer poll costs), on an active workflow.</summary>
    private static async Task<double> ViewCostAsync(InProcessHost host)
    {
        var created = await host.Api.CreateAsync(Seeds.Json(1), Guid.NewGuid().ToString("N"));
        await LinX.Testing.Poll.UntilAsync(
            async () => (await host.Api.ViewAsync(created.Token!))?.GetProperty("currentStep").GetInt32() == 1,
            TimeSpan.FromSeconds(30),
            "the first step to be active");
        const int Views = 20;
        var before = host.Tables.Requests;
        for (var i = 0; i < Views; i++)
        {
            await host.Api.ViewAsync(created.Token!);
        }

        return (double)(host.Tables.Requests - before) / Views;
    }
}
