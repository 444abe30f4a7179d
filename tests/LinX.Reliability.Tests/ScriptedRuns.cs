using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LinX.Bench.Harness;
using LinX.Testing;

namespace LinX.Reliability.Tests;

/// <summary>What the host-killing suites share: a business that retries its create, a scripted customer, and the checks
/// that every workflow ended as scripted with each record exactly once.</summary>
internal static partial class ScriptedRuns
{
    /// <summary>Creates the script's workflow, then lets <paramref name="driver"/> play the customer.</summary>
    public static async Task<(WorkflowScript Script, string WorkflowId, string Status)> RunAsync(
        LinxHttp creator, CustomerDriver driver, WorkflowScript script, string key)
    {
        var created = await CreateAsync(creator, script, key);
        var result = await driver.RunAsync(created.WorkflowId!, created.Token!, script);
        return (script, created.WorkflowId!, result.Status);
    }

    /// <summary>
    /// Creates the script's workflow through <paramref name="creator"/>, retrying with the same Idempotency-Key until
    /// it is accepted, as a business would across a dead host.
    /// </summary>
    public static async Task<CreateResult> CreateAsync(LinxHttp creator, WorkflowScript script, string key)
    {
        CreateResult? created = null;
        await Poll.UntilAsync(
            async () =>
            {
                try
                {
                    created = await creator.CreateAsync(Seeds.Json(script.Seed), key);
                    return created.Status == HttpStatusCode.Accepted;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            },
            TimeSpan.FromMinutes(2),
            "the create to be accepted");
        return created!;
    }

    /// <summary>Every way a run differs from its script: end status, and customers, accounts, transactions (each once).</summary>
    public static async Task<List<string>> DifferencesAsync(
        HostSettings settings, IEnumerable<(WorkflowScript Script, string WorkflowId, string Status)> results)
    {
        var scan = new StorageScan(settings);
        var customers = await scan.CountByWorkflowAsync("Customers", "SourceWorkflowId");
        var accounts = await scan.CountByWorkflowAsync("FinancialAccounts", "SourceWorkflowId");
        var transactions = await scan.CountByWorkflowAsync("Transactions", "WorkflowId");
        var failures = new List<string>();
        foreach (var (script, workflowId, status) in results)
        {
            Expect(failures, workflowId, "status", script.ExpectedStatus, status);
            Expect(failures, workflowId, "customers", script.ExpectedCustomers, customers.GetValueOrDefault(workflowId));
            Expect(failures, workflowId, "financial accounts", script.ExpectedFinancialAccounts, accounts.GetValueOrDefault(workflowId));
            Expect(failures, workflowId, "transactions", script.ExpectedTransactions, transactions.GetValueOrDefault(workflowId));
        }

        return failures;
    }

    /// <summary>
    /// The host runs that sent each (workflow, serial), from the hosts' "[run n] … SMS s (origin) of workflow id" log
    /// lines across every run; <paramref name="host"/> names the host in a scale-out.
    /// </summary>
    public static Dictionary<string, List<string>> SmsSends(IEnumerable<string> lines, string host = "")
    {
        var sends = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (SmsLine().Match(line) is { Success: true } m)
            {
                var key = m.Groups[3].Value + "#" + m.Groups[2].Value;
                var runs = sends.TryGetValue(key, out var list) ? list : sends[key] = [];
                runs.Add(host + m.Groups[1].Value);
            }
        }

        return sends;
    }

    /// <summary>
    /// Engine settings for suites that kill hosts: a dead host's partitions are taken over after 4 s and its dequeued
    /// messages come back after 5 s, so that a run does not spend minutes waiting on the defaults (15 s and 30 s).
    /// </summary>
    public static void UseFastTakeover(HostSettings settings)
    {
        settings.Values["LinX:Durable:PartitionCount"] = "4";
        settings.Values["LinX:Durable:MaxQueuePollingInterval"] = "00:00:00.100";
        settings.Values["LinX:Durable:LeaseInterval"] = "00:00:04";
        settings.Values["LinX:Durable:LeaseRenewInterval"] = "00:00:01";
        settings.Values["LinX:Durable:ControlQueueVisibilityTimeout"] = "00:00:05";
        settings.Values["LinX:Durable:WorkItemQueueVisibilityTimeout"] = "00:00:05";
    }

    public static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static void Expect<T>(List<string> failures, string workflowId, string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            failures.Add($"{workflowId}: {what} {actual}, expected {expected}");
        }
    }

    [GeneratedRegex(@"^\[run (\d+)\] .*SMS (\d+) \(\w+\) of workflow ([0-9a-fA-F-]{36})")]
    private static partial Regex SmsLine();
}
