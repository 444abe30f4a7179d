using LinX.Core.Orchestration;
using LinX.Durable.Orchestration;
using LinX.Testing;

namespace LinX.Durable.Tests;

/// <summary>Two runtimes on one task hub, workers stopped, driving the storage directly: a cached history is never stale.</summary>
[Collection(AzuriteDefinition.Name)]
public sealed class HistoryCacheStorageTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Load_AnotherRuntimeCommittedSinceThisOneCachedIt_ReturnsBothEpisodes()
    {
        // Arrange
        var (mine, theirs) = await StartPairAsync();
        await using var _ = mine;
        await using var __ = theirs;
        await mine.Client.ScheduleNewOrchestrationInstanceAsync("NotRegisteredHere", null, "cache-1", None);
        await mine.Storage.TryCommitAsync((await mine.Storage.LoadAsync("cache-1", None))!, Completed(0), None);
        Assert.True(mine.Storage.Histories.Contains("cache-1"));
        await theirs.Storage.TryCommitAsync((await theirs.Storage.LoadAsync("cache-1", None))!, Completed(1), None);

        // Act
        var reloaded = await mine.Storage.LoadAsync("cache-1", None);

        // Assert
        Assert.Equal([0, 1], reloaded!.History.Where(e => e.Type == HistoryEventType.TaskCompleted).Select(e => e.TaskId ?? -1));
        Assert.Equal(2, reloaded.HistoryRows);
    }

    [Fact]
    public async Task Load_InstancePurgedAndRecreatedByAnotherRuntime_ReturnsTheNewEmptyHistory()
    {
        // Arrange
        var (mine, theirs) = await StartPairAsync();
        await using var _ = mine;
        await using var __ = theirs;
        await mine.Client.ScheduleNewOrchestrationInstanceAsync("NotRegisteredHere", null, "cache-2", None);
        var state = (await mine.Storage.LoadAsync("cache-2", None))!;
        state.Status = OrchestrationStatus.Completed;
        await mine.Storage.TryCommitAsync(state, Completed(0), None);
        Assert.True(await theirs.Client.PurgeInstanceAsync("cache-2", None));
        await theirs.Client.ScheduleNewOrchestrationInstanceAsync("NotRegisteredHere", null, "cache-2", None);

        // Act
        var reloaded = await mine.Storage.LoadAsync("cache-2", None);

        // Assert
        Assert.Empty(reloaded!.History);
        Assert.Equal(OrchestrationStatus.Pending, reloaded.Status);
        Assert.NotEqual(state.ExecutionId, reloaded.ExecutionId);
    }

    private static List<HistoryEvent> Completed(int taskId) =>
        [new(HistoryEventType.OrchestratorStarted), new(HistoryEventType.TaskCompleted) { TaskId = taskId }];

    private async Task<(DurableTestHost Mine, DurableTestHost Theirs)> StartPairAsync()
    {
        var hub = AzuriteFixture.UniqueName("h");
        var mine = await DurableTestHost.StartAsync(azurite, hub, _ => { });
        var theirs = await DurableTestHost.StartAsync(azurite, hub, _ => { });
        await mine.Worker.StopAsync(None);
        await theirs.Worker.StopAsync(None);
        return (mine, theirs);
    }
}
