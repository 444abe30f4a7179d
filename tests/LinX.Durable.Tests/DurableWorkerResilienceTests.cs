using LinX.Core.Orchestration;
using LinX.Durable.Hosting;
using LinX.Durable.Orchestration;
using LinX.Testing;

namespace LinX.Durable.Tests;

/// <summary>Crash safety and competing workers on one task hub.</summary>
[Collection(AzuriteDefinition.Name)]
public sealed class DurableWorkerResilienceTests(AzuriteFixture azurite)
{
    private const string Orchestrator = "Steps";

    [Fact]
    public async Task Crash_WorkerKilledMidRun_NewWorkerCompletesEveryInstanceWithEachEffectOnce()
    {
        // Arrange
        const int instances = 30;
        const int steps = 4;
        var hub = AzuriteFixture.UniqueName("h");
        var probe = new Probe();
        var first = await DurableTestHost.StartAsync(azurite, hub, b => Register(b, steps, delayMs: 30), probe);
        var ids = Enumerable.Range(0, instances).Select(i => $"crash-{i}").ToList();
        foreach (var id in ids)
        {
            await first.Client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, null, id);
        }

        await Poll.UntilAsync(() => Task.FromResult(probe.Effects.Count >= instances), TimeSpan.FromSeconds(30), "a third of the work to be done");

        // Act: kill the worker without draining, then start a fresh one on the same hub.
        await first.CrashAsync();
        var effectsAtCrash = probe.Effects.Count;
        await using var second = await DurableTestHost.StartAsync(azurite, hub, b => Register(b, steps, delayMs: 30), probe);
        var results = new List<OrchestrationInstance>();
        foreach (var id in ids)
        {
            results.Add(await second.WaitForCompletionAsync(id, TimeSpan.FromSeconds(60)));
        }

        // Assert
        Assert.True(effectsAtCrash < instances * steps, "the crash happened before all the work was done");
        Assert.All(results, r => Assert.Equal(OrchestrationStatus.Completed, r.RuntimeStatus));
        Assert.All(results, r => Assert.Equal("10", r.SerializedOutput));
        Assert.Equal(instances * steps, probe.Effects.Count);
        Assert.All(ids, id => Assert.All(Enumerable.Range(1, steps), s => Assert.True(probe.Effects.ContainsKey($"{id}:{s}"))));
        foreach (var id in ids)
        {
            var history = await second.HistoryAsync(id);
            Assert.Equal(steps, history.Count(e => e.Type == HistoryEventType.TaskScheduled));
            Assert.Equal(steps, history.Count(e => e.Type == HistoryEventType.TaskCompleted));
        }
    }

    [Fact]
    public async Task TwoRuntimes_SameTaskHub_Process200InstancesWithNoInstanceAdvancedTwice()
    {
        // Arrange
        const int instances = 200;
        const int steps = 2;
        var hub = AzuriteFixture.UniqueName("h");
        var probe = new Probe();
        await using var one = await DurableTestHost.StartAsync(azurite, hub, b => Register(b, steps, delayMs: 0), probe, o => o.MaxConcurrentOrchestrations = 8);
        await using var two = await DurableTestHost.StartAsync(azurite, hub, b => Register(b, steps, delayMs: 0), probe, o => o.MaxConcurrentOrchestrations = 8);
        var ids = Enumerable.Range(0, instances).Select(i => $"pair-{i}").ToList();

        // Act
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
            await (id.GetHashCode(StringComparison.Ordinal) % 2 == 0 ? one : two).Client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, null, id, ct));
        await Poll.UntilAsync(
            async () =>
            {
                foreach (var id in ids)
                {
                    if ((await one.Client.GetInstanceAsync(id))?.IsCompleted != true)
                    {
                        return false;
                    }
                }

                return true;
            },
            TimeSpan.FromSeconds(90),
            "all instances to finish");

        // Assert
        foreach (var id in ids)
        {
            var instance = await one.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
            Assert.Equal(OrchestrationStatus.Completed, instance!.RuntimeStatus);
            Assert.Equal("3", instance.SerializedOutput);
            var history = await one.HistoryAsync(id);
            var scheduled = history.Where(e => e.Type == HistoryEventType.TaskScheduled).Select(e => e.TaskId).ToList();
            Assert.Equal([0, 1], scheduled);
            Assert.Single(history, e => e.Type == HistoryEventType.ExecutionStarted);
            Assert.Single(history, e => e.Type == HistoryEventType.ExecutionCompleted);
            Assert.Equal(steps, history.Count(e => e.Type == HistoryEventType.TaskCompleted));
        }

        Assert.Equal(instances * steps, probe.Effects.Count);
        Assert.True(one.Worker.EpisodesCommitted > 0 && two.Worker.EpisodesCommitted > 0, "both runtimes took part");
        Assert.Equal(instances * (steps + 1), one.Worker.EpisodesCommitted + two.Worker.EpisodesCommitted);
    }

    [Fact]
    public async Task Restart_TimerDueAndEventRaisedWhileDown_BothDeliveredByNextWorker()
    {
        // Arrange
        var hub = AzuriteFixture.UniqueName("h");
        void RegisterWaiter(DurableBuilder b) => b.AddOrchestrator("Waiter", async ctx =>
        {
            await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddSeconds(1), CancellationToken.None);
            return await ctx.WaitForExternalEvent<string>("Customer");
        });
        var first = await DurableTestHost.StartAsync(azurite, hub, RegisterWaiter);
        await first.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", null, "restart-1");
        await first.WaitForHistoryAsync("restart-1", e => e.Type == HistoryEventType.TimerCreated, "the timer to be created");

        // Act: the host goes down; the timer comes due and the customer answers while nothing runs.
        await first.DisposeAsync();
        await first.Client.RaiseEventAsync("restart-1", "customer", "answered");
        await using var second = await DurableTestHost.StartAsync(azurite, hub, RegisterWaiter);
        var done = await second.WaitForCompletionAsync("restart-1");

        // Assert
        Assert.Equal("\"answered\"", done.SerializedOutput);
        Assert.Single(await second.HistoryAsync("restart-1"), e => e.Type == HistoryEventType.TimerFired);
    }

    [Fact]
    public async Task Activity_SecondCopyArrivesWhileTheFirstRuns_RunsOnlyAfterTheFirst()
    {
        // Arrange: the activity is running (held by the gate) when a copy of its message arrives, as after an outbox
        // re-send or a late visibility renewal.
        var probe = new Probe();
        await using var host = await DurableTestHost.StartAsync(
            azurite,
            AzuriteFixture.UniqueName("h"),
            b => b.AddActivity<GatedActivity, string, string>(GatedActivity.Name)
                .AddOrchestrator("OneGated", async ctx => await ctx.CallActivityAsync<string>(GatedActivity.Name, "once")),
            probe);
        await host.Client.ScheduleNewOrchestrationInstanceAsync("OneGated", null, "gated-1");
        await Poll.UntilAsync(() => Task.FromResult(probe.Running == 1), TimeSpan.FromSeconds(30), "the activity to start");
        var state = await host.Storage.ReadInstanceAsync("gated-1", CancellationToken.None);
        var copy = new DurableMessage(MessageKind.ActivityRequest, "gated-1", DurableMessage.NewId())
        {
            ExecutionId = state!.ExecutionId,
            TaskId = 0,
            Name = GatedActivity.Name,
            Payload = "\"once\"",
        };

        // Act
        await host.Storage.SendAsync(new OutboxEntry(false, copy), CancellationToken.None);
        await Poll.UntilAsync(
            () => Task.FromResult(host.Worker.ActivitiesDeferred > 0 || probe.Calls["once"] > 1),
            TimeSpan.FromSeconds(30),
            "the copy to be received");
        var callsWhileRunning = probe.Calls["once"];
        probe.Gate.SetResult();
        var done = await host.WaitForCompletionAsync("gated-1");
        await Poll.UntilAsync(() => Task.FromResult(probe.Calls["once"] == 2), TimeSpan.FromSeconds(30), "the copy to run after the first");

        // Assert
        Assert.Equal(1, callsWhileRunning);
        Assert.Equal(1, probe.MaxRunning);
        Assert.Equal("\"once\"", done.SerializedOutput);
    }

    private static void Register(DurableBuilder builder, int steps, int delayMs) => builder
        .AddActivity<EffectActivity, EffectInput, int>(EffectActivity.Name)
        .AddOrchestrator(Orchestrator, async ctx =>
        {
            var sum = 0;
            for (var step = 1; step <= steps; step++)
            {
                sum += await ctx.CallActivityAsync<int>(EffectActivity.Name, new EffectInput(ctx.InstanceId, step, delayMs));
            }

            return sum;
        });
}
