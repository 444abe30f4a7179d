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
public sealed class CrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();

    public Task InitializeAsync() => _azurite.InitializeAsync();

    public Task DisposeAsync() => _azurite.DisposeAsync();

    [Fact]
    public async Task Workflows_HostKilledAtRandomMoments_EachEndsAsScriptedWithEveryRecordOnce()
    {
        // Arrange
        var workflows = ScriptedRuns.Setting("LINX_CRASH_WORKFLOWS", 12);
        var kills = ScriptedRuns.Setting("LINX_CRASH_KILLS", 3);
        var random = new Random(ScriptedRuns.Setting("LINX_CRASH_SEED", Environment.TickCount));
        var settings = new HostSettings(_azurite.ConnectionString);
        ScriptedRuns.UseFastTakeover(settings);
        await using var host = new HostProcess(settings);
        await host.StartAsync();
        var scripts = Enumerable.Range(0, workflows).Select(WorkflowScript.Mixed).ToList();
        var driver = new CustomerDriver(host.Api, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(4));

        // Act: all workflows at once, while the host is killed and restarted.
        var runs = scripts.Select((script, i) => ScriptedRuns.RunAsync(host.Api, driver, script, $"crash-{i}-{Guid.NewGuid():N}")).ToList();
        var killer = KillRepeatedlyAsync(host, kills, random, runs);
        var results = await Task.WhenAll(runs);
        var killsInFlight = await killer;

        // Assert: the state each script implies; no workflow, customer, account or transaction twice.
        var failures = await ScriptedRuns.DifferencesAsync(settings, results);
        var kinds = await new StorageScan(settings).CountByWorkflowAsync("Workflows", "Kind");
        var history = await Task.WhenAll(results.Select(async r => (await host.Api.NotificationsAsync(r.WorkflowId)).EnumerateArray().Count()));
        var sends = ScriptedRuns.SmsSends(host.OutputLines);
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
}
