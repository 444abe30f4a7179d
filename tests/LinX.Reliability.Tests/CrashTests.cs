using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LinX.Bench.Harness;
using LinX.Testing;
using Xunit.Abstractions;

namespace LinX.Reliability.Tests;

/// <summary>
/// Crash anywhere: the host runs as its own process and is killed with SIGKILL at random moments while scripted
/// businesses create workflows and scripted customers complete, decline or see them cancelled; it is restarted each
/// time on the same Azurite. Every workflow must end as its script says, with each record exactly once.
/// Bigger runs: LINX_CRASH_WORKFLOWS and LINX_CRASH_KILLS (see docs/reliability.md).
/// </summary>
public sealed partial class CrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();

    public Task InitializeAsync() => _azurite.InitializeAsync();

    public Task DisposeAsync() => _azurite.DisposeAsync();

    [Fact]
    public async Task Workflows_HostKilledAtRandomMoments_EachEndsAsScriptedWithEveryRecordOnce()
    {
        // Arrange
        var workflows = Setting("LINX_CRASH_WORKFLOWS", 12);
        var kills = Setting("LINX_CRASH_KILLS", 3);
        var random = new Random(Setting("LINX_CRASH_SEED", Environment.TickCount));
        var settings = new HostSettings(_azurite.ConnectionString);
        settings.Values["LinX:Durable:MinPollingInterval"] = "00:00:00.020";
        settings.Values["LinX:Durable:MaxPollingInterval"] = "00:00:00.250";
        settings.Values["LinX:Durable:ControlVisibilityTimeout"] = "00:00:03";
        settings.Values["LinX:Durable:ActivityVisibilityTimeout"] = "00:00:05";
        await using var host = new HostProcess(settings);
        await host.StartAsync();
        var scripts = Enumerable.Range(0, workflows).Select(WorkflowScript.Mixed).ToList();
        var driver = new CustomerDriver(host.Api, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(4));

        // Act: all workflows at once, while the host is killed and restarted.
        var runs = scripts.Select((script, i) => RunAsync(host, driver, script, $"crash-{i}-{Guid.NewGuid():N}")).ToList();
        var killer = KillRepeatedlyAsync(host, kills, random, runs);
        var results = await Task.WhenAll(runs);
        var killsInFlight = await killer;

        // Assert: the state each script implies; no workflow, customer, account or transaction twice.
        var scan = new StorageScan(settings);
        var customers = await scan.CountByWorkflowAsync("Customers", "SourceWorkflowId");
        var accounts = await scan.CountByWorkflowAsync("FinancialAccounts", "SourceWorkflowId");
        var transactions = await scan.CountByWorkflowAsync("Transactions", "WorkflowId");
        var kinds = await scan.CountByWorkflowAsync("Workflows", "Kind");
        var failures = new List<string>();
        foreach (var (script, workflowId, status) in results)
        {
            Expect(failures, workflowId, "status", script.ExpectedStatus, status);
            Expect(failures, workflowId, "customers", script.ExpectedCustomers, customers.GetValueOrDefault(workflowId));
            Expect(failures, workflowId, "financial accounts", script.ExpectedFinancialAccounts, accounts.GetValueOrDefault(workflowId));
            Expect(failures, workflowId, "transactions", script.ExpectedTransactions, transactions.GetValueOrDefault(workflowId));
        }

        var history = await Task.WhenAll(results.Select(async r => (await host.Api.NotificationsAsync(r.WorkflowId)).EnumerateArray().Count()));
        var sends = SmsSends(host.OutputLines);
        var duplicates = sends.Values.Sum(r => r.Count - 1);
        output.WriteLine($"{workflows} workflows, host started {host.Starts} times ({kills} SIGKILLs, {killsInFlight} while workflows ran); SMS in history: {history.Sum()}; SMS sends logged: {sends.Values.Sum(r => r.Count)} for {sends.Count} (workflow, serial); duplicate SMS: {duplicates}");
        foreach (var (key, sentIn) in sends.Where(s => s.Value.Count > 1))
        {
            // Sends in different host runs straddle a kill (the documented window); sends in one run would be a concurrency bug.
            output.WriteLine($"  duplicate {key}: sent in host runs {string.Join(", ", sentIn)}");
        }
        Assert.Empty(failures);
        Assert.Equal(workflows, kinds.GetValueOrDefault("workflow"));
        Assert.Equal(kills + 1, host.Starts);
        Assert.True(kills == 0 || killsInFlight > 0, "at least one kill hit running workflows");
        Assert.All(history, n => Assert.True(n >= 1, "every workflow sent its first SMS"));
    }

    private static async Task<(WorkflowScript Script, string WorkflowId, string Status)> RunAsync(HostProcess host, CustomerDriver driver, WorkflowScript script, string key)
    {
        // The business retries its create with the same Idempotency-Key until it gets an answer.
        CreateResult? created = null;
        await Poll.UntilAsync(
            async () =>
            {
                try
                {
                    created = await host.Api.CreateAsync(Seeds.Json(script.Seed), key);
                    return created.Status == HttpStatusCode.Accepted;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            },
            TimeSpan.FromMinutes(2),
            "the create to be accepted");
        var result = await driver.RunAsync(created!.WorkflowId!, created.Token!, script);
        return (script, created.WorkflowId!, result.Status);
    }

    /// <summary>Kills and restarts the host <paramref name="kills"/> times; returns how many kills hit while workflows were still running.</summary>
    private static async Task<int> KillRepeatedlyAsync(HostProcess host, int kills, Random random, IReadOnlyList<Task> runs)
    {
        var inFlight = 0;
        for (var i = 0; i < kills; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(200, 1500)));
            inFlight += runs.All(r => r.IsCompleted) ? 0 : 1;
            await host.KillAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 500)));
            await host.StartAsync();
        }

        return inFlight;
    }

    /// <summary>
    /// The host runs that sent each (workflow, serial), from the host's "[run n] … SMS s (origin) of workflow id" log
    /// lines across every run.
    /// </summary>
    private static Dictionary<string, List<int>> SmsSends(IEnumerable<string> lines)
    {
        var sends = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (SmsLine().Match(line) is { Success: true } m)
            {
                var key = m.Groups[3].Value + "#" + m.Groups[2].Value;
                var runs = sends.TryGetValue(key, out var list) ? list : sends[key] = [];
                runs.Add(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }

        return sends;
    }

    private static void Expect<T>(List<string> failures, string workflowId, string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            failures.Add($"{workflowId}: {what} {actual}, expected {expected}");
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    [GeneratedRegex(@"^\[run (\d+)\] .*SMS (\d+) \(\w+\) of workflow ([0-9a-fA-F-]{36})")]
    private static partial Regex SmsLine();
}
