using LinX.Bench.Harness;
using LinX.Testing;
using Xunit.Abstractions;

namespace LinX.Reliability.Tests;

/// <summary>
/// A 1,000-entry batch (10 invalid) on a host killed with SIGKILL while it starts the entries, then restarted on the same
/// Azurite: the batch ends COMPLETED, the 10 are REJECTED with their field errors, and each of the 990 others has
/// exactly one workflow in storage.
/// </summary>
public sealed class BatchCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Entries = 1000;
    // About a minute on an idle machine; a loaded one (other suites on the same cores) takes several, and Azurite's
    // dequeues slow down with every workflow left waiting (docs/performance.md §6): 6 minutes ran out once in CI.
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(12);

    private readonly AzuriteFixture _azurite = new();

    public Task InitializeAsync() => _azurite.InitializeAsync();

    public Task DisposeAsync() => _azurite.DisposeAsync();

    [Fact]
    public async Task Batch_HostKilledWhileStartingEntries_StartsEachValidEntryExactlyOnce()
    {
        // Arrange: a fast rate, so that the run stays short; the kill lands while entries are still being started.
        var settings = new HostSettings(_azurite.ConnectionString);
        ScriptedRuns.UseFastTakeover(settings);
        settings.Values["LinX:Batches:WorkflowsPerSecond"] = "200";
        settings.Values["LinX:Batches:ChunkSize"] = "50";
        settings.Values["LinX:Batches:StartConcurrency"] = "16";
        await using var host = new HostProcess(settings);
        await host.StartAsync();
        var templateId = await BatchRun.SeedTemplateAsync(settings);
        var invalid = Enumerable.Range(0, 10).Select(i => (i * 100) + 37).ToHashSet();
        var batchId = await BatchRun.PostAsync(host.Api, BatchRun.Body(templateId, Entries, "crash-batch-" + Guid.NewGuid().ToString("N"), invalid));

        // Act: SIGKILL once some workflows have started, restart on the same storage.
        var atKill = await Poll.UntilAsync(() => BatchRun.GetAsync(host.Api, batchId), b => BatchRun.Started(b) >= 100, Deadline, "the first workflows of the batch");
        await host.KillAsync();
        await host.StartAsync();
        var restarted = DateTime.UtcNow;
        var done = await Poll.UntilAsync(() => BatchRun.GetAsync(host.Api, batchId), b => b.GetProperty("status").GetString() == "COMPLETED", Deadline, "the batch to complete");
        var tookAfterRestart = DateTime.UtcNow - restarted;

        // Assert
        var perEntry = await new StorageScan(settings).CountByWorkflowAsync("Workflows", "BatchPosition");
        var rejected = await BatchRun.EntriesAsync(host.Api, batchId, "REJECTED");
        output.WriteLine($"killed at {BatchRun.Started(atKill)} started; {tookAfterRestart.TotalSeconds:0} s after the restart: {BatchRun.Started(done)} started, {perEntry.Count} entries with a workflow, most workflows of one entry: {perEntry.Values.DefaultIfEmpty().Max()}");
        Assert.True(BatchRun.Started(atKill) < Entries - invalid.Count, "the kill hit before every entry had started");
        Assert.Equal(Entries - invalid.Count, perEntry.Count);
        Assert.All(perEntry, p => Assert.Equal(1, p.Value));
        Assert.DoesNotContain(perEntry.Keys, k => invalid.Contains(int.Parse(k, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal((10, 0, Entries - invalid.Count), (done.GetProperty("rejectedRequestsCount").GetInt32(), done.GetProperty("pendingRequestsCount").GetInt32(), BatchRun.Started(done)));
        Assert.Equal(invalid.Order(), rejected.Select(e => e.GetProperty("position").GetInt32()).Order());
        Assert.All(rejected, e => Assert.Equal(BatchRun.InvalidPath, e.GetProperty("fieldErrors")[0].GetProperty("fieldName").GetString()));
        Assert.Equal(2, host.Starts);
    }
}
