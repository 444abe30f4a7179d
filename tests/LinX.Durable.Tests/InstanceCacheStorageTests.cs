using LinX.Core.Orchestration;
using LinX.Durable.Hosting;
using LinX.Durable.Orchestration;
using LinX.Testing;

namespace LinX.Durable.Tests;

/// <summary>Two runtimes on one task hub: a snapshot that another process made stale is never committed against or acted on.</summary>
[Collection(AzuriteDefinition.Name)]
public sealed class InstanceCacheStorageTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Commit_AnotherRuntimeCommittedSinceTheSnapshot_IsRefusedAndTheNextLoadHasBothEpisodes()
    {
        // Arrange
        var hub = AzuriteFixture.UniqueName("h");
        await using var mine = await StartStoppedAsync(hub);
        await using var theirs = await StartStoppedAsync(hub);
        await mine.Client.ScheduleNewOrchestrationInstanceAsync("NotRegisteredHere", null, "cache-1", None);
        await mine.Storage.TryCommitAsync((await mine.Storage.LoadAsync("cache-1", fresh: false, None))!, Completed(0), None);
        await theirs.Storage.TryCommitAsync((await theirs.Storage.LoadAsync("cache-1", fresh: false, None))!, Completed(1), None);
        var stale = (await mine.Storage.LoadAsync("cache-1", fresh: false, None))!;

        // Act
        var committed = await mine.Storage.TryCommitAsync(stale, Completed(2), None);
        var reloaded = await mine.Storage.LoadAsync("cache-1", fresh: false, None);

        // Assert
        Assert.True(stale.FromCache);
        Assert.Null(committed);
        Assert.False(reloaded!.FromCache);
        Assert.Equal([0, 1], reloaded.History.Where(e => e.Type == HistoryEventType.TaskCompleted).Select(e => e.TaskId ?? -1));
    }

    [Fact]
    public async Task Run_InstancePurgedAndCreatedAgainByAnotherRuntime_RunsTheNewExecution()
    {
        // Arrange: this worker ran the instance and holds its finished snapshot.
        var hub = AzuriteFixture.UniqueName("h");
        await using var mine = await DurableTestHost.StartAsync(azurite, hub, RegisterGreeting);
        await mine.Client.ScheduleNewOrchestrationInstanceAsync("Greet", "one", "cache-2", None);
        Assert.Equal("\"hi one\"", (await mine.WaitForCompletionAsync("cache-2")).SerializedOutput);
        await using var theirs = await StartStoppedAsync(hub);
        Assert.True(await theirs.Client.PurgeInstanceAsync("cache-2", None));

        // Act
        await theirs.Client.ScheduleNewOrchestrationInstanceAsync("Greet", "two", "cache-2", None);
        var done = await Poll.UntilAsync(
            () => mine.Client.GetInstanceAsync("cache-2", getInputsAndOutputs: true),
            i => i.IsCompleted && i.SerializedOutput == "\"hi two\"",
            TimeSpan.FromSeconds(30),
            "the new execution to complete");

        // Assert
        Assert.Equal(OrchestrationStatus.Completed, done.RuntimeStatus);
    }

    private static void RegisterGreeting(DurableBuilder builder) =>
        builder.AddOrchestrator("Greet", ctx => Task.FromResult("hi " + ctx.GetInput<string>()));

    private static List<HistoryEvent> Completed(int taskId) =>
        [new(HistoryEventType.OrchestratorStarted), new(HistoryEventType.TaskCompleted) { TaskId = taskId }];

    private async Task<DurableTestHost> StartStoppedAsync(string hub)
    {
        var host = await DurableTestHost.StartAsync(azurite, hub, _ => { });
        await host.Worker.StopAsync(None);
        return host;
    }
}
