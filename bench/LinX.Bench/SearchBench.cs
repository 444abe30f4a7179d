using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using LinX.Bench.Harness;
using LinX.Core.Common;
using LinX.Core.Customers;
using LinX.Core.Security;
using LinX.Core.Workflows;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Bench;

/// <summary>
/// Benchmark 5: <c>GET /api/linx/workflows</c> over HTTP on a business with 10,000 and with 100,000 workflows (ADR 0023).
/// The workflows' rows and index rows are written straight to storage in entity-group transactions (no orchestrations
/// run); then each search runs again and again: p50/p99 and the LinX-table requests it costs. The point: neither grows
/// with the business's size.
/// </summary>
internal static class SearchBench
{
    private const string TargetFirst = "Ada";
    private const string TargetLast = "Lovelace";
    private const string TargetEmail = "ada.lovelace@example.com";
    private const string TargetPhone = "+16475550199";

    // Azurite is one Node.js process: more requests at once only queue in it (and time out at 100 s).
    private const int Parallelism = 2;

    /// <summary>Runs each size on its own host and tables; <paramref name="cleanUp"/> deletes them after it (a storage account's).</summary>
    public static async Task RunAsync(string connectionString, BenchOptions options, bool cleanUp)
    {
        var sizes = options.Ints("sizes", 10_000, 100_000);
        var repeats = options.Int("searches", 50);
        var table = new ResultTable(
            $"Search (GET /api/linx/workflows, size 20 unless said, {repeats} runs each, one client)",
            "workflows", "search", "matches", "p50 ms", "p99 ms", "storage req/search");
        foreach (var size in sizes)
        {
            var settings = new HostSettings(connectionString);
            try
            {
                await RunSizeAsync(settings, size, repeats, table);
            }
            finally
            {
                if (cleanUp)
                {
                    await StorageCleanup.DeleteAsync(settings);
                }
            }
        }

        table.Print();
    }

    private static async Task RunSizeAsync(HostSettings settings, int size, int repeats, ResultTable table)
    {
        await using var host = await InProcessHost.StartAsync(settings);
        await host.Worker.StopAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var target = await LoadAsync(settings, host.Services.GetRequiredService<LinXCrypto>(), size);
        Console.WriteLine($"loaded {size:N0} workflows and their index in {clock.Elapsed.TotalSeconds:F0} s");
        foreach (var (name, query) in Queries(target))
        {
            var (matches, latencies, requests) = await TimeAsync(host, query, repeats);
            table.Add(
                size.ToString("N0", CultureInfo.InvariantCulture), name, matches, Stats.F(Stats.Percentile(latencies, 0.5)),
                Stats.F(Stats.Percentile(latencies, 0.99)), Stats.F(requests, 1));
        }
    }

    private static IEnumerable<(string Name, string Query)> Queries(Guid target) =>
    [
        ("last name (1 match)", $"search={TargetLast}"),
        ("first + last name", $"search={TargetFirst}%20{TargetLast}"),
        ("common last name", "search=Name7"),
        ("e-mail", $"search={Uri.EscapeDataString(TargetEmail)}"),
        ("phone, E.164", $"search={Uri.EscapeDataString(TargetPhone)}"),
        ("phone, national", "search=6475550199"),
        ("workflow id", $"search={target}"),
        ("status=ACTIVE", "status=ACTIVE"),
        ("page 1, no filter", string.Empty),
        ("deep page (100 of 100)", "page=100&size=100"),
    ];

    private static async Task<(string Matches, List<double> Latencies, double RequestsPerSearch)> TimeAsync(InProcessHost host, string query, int repeats)
    {
        var url = "/api/linx/workflows?" + query;
        var first = await host.Api.Business.GetFromJsonAsync<JsonElement>(url); // warm-up
        var matches = first.GetProperty("totalElements").GetInt32().ToString("N0", CultureInfo.InvariantCulture)
            + (first.GetProperty("totalElementsExact").GetBoolean() ? string.Empty : "+");
        var latencies = new List<double>(repeats);
        var before = host.Tables.Requests;
        for (var i = 0; i < repeats; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await host.Api.Business.GetAsync(url);
            response.EnsureSuccessStatusCode();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return (matches, latencies, (double)(host.Tables.Requests - before) / repeats);
    }

    // The demo business's workflows: 60 % ACTIVE, 30 % COMPLETED, 10 % EXPIRED, customers of 100 first and 500 last names;
    // the target (one Ada Lovelace, with her e-mail and phone) in the middle of them. Uncounted clients: only searches count.
    private static async Task<Guid> LoadAsync(HostSettings settings, LinXCrypto crypto, int size)
    {
        var storage = new TableStorage(new TableServiceClient(settings.ConnectionString), new TableNames(settings.TablePrefix));
        await storage.CreateTablesAsync(CancellationToken.None);
        var index = new TableWorkflowIndex(storage.WorkflowIndex);
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        var targetAt = size / 2;
        var records = Enumerable.Range(0, size).Select(i => Record(crypto, i, i == targetAt, start.AddSeconds(i))).ToList();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            records.Chunk(50),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (chunk, ct) => await storage.Workflows.SubmitTransactionAsync(
                chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, TableWorkflowStore.WorkflowEntity.From(r))), ct));
        Console.WriteLine($"  {size:N0} workflow rows in {clock.Elapsed.TotalSeconds:F0} s");
        // In tenths, each written as a whole: a long load says how far it is.
        var written = 0;
        foreach (var part in records.Chunk((size + 9) / 10))
        {
            await index.WriteManyAsync(
                part.Select(r => (new TableWorkflowIndex.Entry(r.BusinessId, r.WorkflowId, r.CreatedAt, r.Status, null), r.SearchTerms)), Parallelism, CancellationToken.None);
            written += part.Length;
            Console.WriteLine($"  index of {written:N0} workflows in {clock.Elapsed.TotalSeconds:F0} s");
        }
        return records[targetAt].WorkflowId;
    }

    private static WorkflowRecord Record(LinXCrypto crypto, int i, bool target, DateTimeOffset createdAt)
    {
        var id = DeterministicId.From(DemoData.BusinessId, "bench:" + i.ToString(CultureInfo.InvariantCulture));
        var phone = target ? TargetPhone : "+1647" + (2_000_000 + i).ToString("D7", CultureInfo.InvariantCulture);
        var (first, last) = target ? (TargetFirst, TargetLast) : ("First" + Letters(i % 100), "Name" + (i % 500).ToString(CultureInfo.InvariantCulture));
        var customer = new Customer(Guid.Empty, DemoData.BusinessId, first, last, target ? TargetEmail : string.Empty, default, null!, null, id, createdAt)
        {
            PhoneNumber = target ? phone : null,
        };

        // Background customers have name terms only (their e-mail and phone terms would each be a partition of two rows,
        // 200,000 more writes at 100,000 workflows, and no search reads them); the target has all of them.
        IReadOnlyList<string> terms = target
            ? [.. WorkflowSearchTerms.OfPhone(crypto, phone), .. WorkflowSearchTerms.OfCustomer(crypto, customer)]
            : WorkflowSearchTerms.OfSearch(crypto, first + " " + last, "CA");
        var masked = Masking.Phone(phone);
        return new WorkflowRecord
        {
            WorkflowId = id,
            BusinessId = DemoData.BusinessId,
            Title = "Create a new Customer Account",
            Plan = new WorkflowPlan("Create a new Customer Account", TimeSpan.FromDays(90), false, null,
                [new NotificationStep(NotificationStep.SmsChannel, masked, null), new CustomerAccountStep()]),
            Status = (i % 10) switch { < 6 => WorkflowStatus.Active, < 9 => WorkflowStatus.Completed, _ => WorkflowStatus.Expired },
            CurrentStep = 1,
            Steps = [new StepState(StepNames.Notification, StepStatus.Completed), new StepState(StepNames.CustomerAccount, StepStatus.Active)],
            CreatedAt = createdAt,
            ExpireAt = createdAt.AddDays(90),
            EncryptedPhoneNumber = crypto.Encrypt(phone, id.ToString("D")),
            MaskedPhoneNumber = masked,
            LinkTokenHash = Hashing.Sha256Hex(id.ToString("N")),
            RequestHash = Hashing.Sha256Hex("bench"),
            SearchTerms = terms,
        };
    }

    private static string Letters(int n) => new([(char)('a' + (n / 26 % 26)), (char)('a' + (n % 26))]);
}
