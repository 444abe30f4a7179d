using System.Diagnostics;
using Azure.Data.Tables;
using LinX.Bench.Harness;
using LinX.Local.Durable;
using LinX.Testing;
using Xunit.Abstractions;

namespace LinX.Reliability.Tests;

/// <summary>
/// Scale-out: two LinX.Local processes on one task hub (one Azurite) share the workflows through the engine's
/// partition leases. Workflows are created through either host; one host is killed with SIGKILL mid-run; the survivor
/// takes over its partitions and every workflow still ends as scripted, with each record exactly once.
/// Bigger runs: LINX_SCALEOUT_WORKFLOWS (see docs/reliability.md).
/// </summary>
public sealed class ScaleOutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private readonly AzuriteFixture _azurite = new();

    public Task InitializeAsync() => _azurite.InitializeAsync();

    public Task DisposeAsync() => _azurite.DisposeAsync();

    [Fact]
    public async Task Workflows_OneOfTwoHostsKilled_SurvivorTakesOverAndEachEndsAsScriptedOnce()
    {
        // Arrange: two hosts of one deployment, both owning partitions of the hub.
        var workflows = ScriptedRuns.Setting("LINX_SCALEOUT_WORKFLOWS", 16);
        var first = new HostSettings(_azurite.ConnectionString);
        ScriptedRuns.UseFastTakeover(first);
        await using var victim = new HostProcess(first);
        await using var survivor = new HostProcess(first.AnotherHost());
        await victim.StartAsync();
        await survivor.StartAsync();
        var partitions = new TableClient(first.ConnectionString, first.TaskHub + "Partitions");
        var victimWorker = WorkerOf(victim);
        var survivorWorker = WorkerOf(survivor);
        await Poll.UntilAsync(
            async () => (await OwnersAsync(partitions)).OfType<string>().Distinct().Count() == 2,
            Deadline,
            "both hosts to own partitions");
        var victimOwned = (await OwnersAsync(partitions)).Count(o => o == victimWorker);
        var scripts = Enumerable.Range(0, workflows).Select(WorkflowScript.Mixed).ToList();
        var driver = new CustomerDriver(survivor.Api, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(4));

        // Act: creates alternate between the hosts; the customers start, and the victim dies mid-run.
        var created = await Task.WhenAll(scripts.Select((script, i) =>
            ScriptedRuns.CreateAsync(i % 2 == 0 ? victim.Api : survivor.Api, script, $"scale-{i}-{Guid.NewGuid():N}")));
        var runs = scripts.Select(async (script, i) =>
        {
            var result = await driver.RunAsync(created[i].WorkflowId!, created[i].Token!, script);
            return (Script: script, WorkflowId: created[i].WorkflowId!, result.Status);
        }).ToList();
        await Poll.UntilAsync(() => Task.FromResult(runs.Any(r => r.IsCompleted)), Deadline, "a first workflow to end");
        var unfinishedAtKill = runs.Count(r => !r.IsCompleted);
        await victim.KillAsync();
        var killedAt = Stopwatch.StartNew();
        await Poll.UntilAsync(async () => (await OwnersAsync(partitions)).All(o => o == survivorWorker), Deadline, "the survivor to own every partition");
        var takeover = killedAt.Elapsed;
        var results = await Task.WhenAll(runs);
        var allDone = killedAt.Elapsed;

        // Assert: the state each script implies, each record once, and the survivor did the work after the kill.
        var failures = await ScriptedRuns.DifferencesAsync(first, results);
        var sends = ScriptedRuns.SmsSends(victim.OutputLines, "victim ")
            .Concat(ScriptedRuns.SmsSends(survivor.OutputLines, "survivor "))
            .GroupBy(kv => kv.Key)
            .ToDictionary(g => g.Key, g => g.SelectMany(kv => kv.Value).ToList());
        var duplicates = sends.Where(s => s.Value.Count > 1).ToList();
        output.WriteLine(
            $"{workflows} workflows ({(workflows + 1) / 2} created through the victim), {unfinishedAtKill} unfinished at the kill; " +
            $"the victim owned {victimOwned} of {first.Values["LinX:Durable:PartitionCount"]} partitions; " +
            $"takeover {takeover.TotalSeconds:0.0} s after SIGKILL; all ended {allDone.TotalSeconds:0.0} s after it; " +
            $"SMS sent {sends.Values.Sum(v => v.Count)} for {sends.Count} (workflow, serial), duplicates {duplicates.Count}");
        foreach (var (key, sentBy) in duplicates)
        {
            output.WriteLine($"  duplicate {key}: sent by {string.Join(", ", sentBy)}");
        }

        Assert.Empty(failures);
        Assert.True(victimOwned > 0, "the victim owned partitions before it died");
        Assert.True(unfinishedAtKill > 0, "the kill hit running workflows");
        Assert.All(results, r => Assert.Contains(r.WorkflowId, sends.Keys.Select(k => k[..36])));
    }

    private static string WorkerOf(HostProcess host) => DurableTaskSidecar.WorkerIdOf(host.ProcessId);

    private static async Task<List<string?>> OwnersAsync(TableClient partitions)
    {
        var owners = new List<string?>();
        await foreach (var row in partitions.QueryAsync<TableEntity>(select: ["CurrentOwner"]))
        {
            owners.Add(row.GetString("CurrentOwner"));
        }

        return owners;
    }
}
