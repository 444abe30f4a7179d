using LinX.Core.Orchestration;
using LinX.Durable.Hosting;
using LinX.Durable.Orchestration;
using LinX.Testing;

namespace LinX.Durable.Tests;

[Collection(AzuriteDefinition.Name)]
public sealed class DurableWorkerTests(AzuriteFixture azurite)
{
    private const string Approve = "Approve";

    [Fact]
    public async Task Run_SequenceOfActivities_CompletesWithEachResultInOrder()
    {
        // Arrange
        await using var host = await StartAsync(b => b.AddOrchestrator("Sequence", async ctx =>
        {
            var name = ctx.GetInput<string>()!;
            var results = new List<string>();
            for (var i = 1; i <= 3; i++)
            {
                results.Add(await ctx.CallActivityAsync<string>(EchoActivity.Name, $"{name}-{i}"));
            }

            return results;
        }));

        // Act
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Sequence", "abc", "seq-1");
        var done = await host.WaitForCompletionAsync("seq-1");

        // Assert
        Assert.Equal(OrchestrationStatus.Completed, done.RuntimeStatus);
        Assert.Equal("""["abc-1!","abc-2!","abc-3!"]""", done.SerializedOutput);
        Assert.Equal("\"abc\"", done.SerializedInput);
        Assert.Equal(3, host.Probe.Calls.Count);
    }

    [Fact]
    public async Task Run_ActivityFailsThenSucceedsUnderRetry_CompletesWithLastAttempt()
    {
        // Arrange
        var retry = new ActivityOptions(new ActivityRetryPolicy(3, TimeSpan.FromMilliseconds(200), 2));
        await using var host = await StartAsync(b => b.AddOrchestrator("Retry", ctx =>
            ctx.CallActivityAsync<int>(FlakyActivity.Name, new FlakyInput("k", Failures: 2), retry)));

        // Act
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Retry", null, "retry-1");
        var done = await host.WaitForCompletionAsync("retry-1");

        // Assert
        Assert.Equal(OrchestrationStatus.Completed, done.RuntimeStatus);
        Assert.Equal("3", done.SerializedOutput);
        var history = await host.HistoryAsync("retry-1");
        Assert.Equal(2, history.Count(e => e.Type == HistoryEventType.TaskFailed));
        Assert.Equal(2, history.Count(e => e.Type == HistoryEventType.TimerFired));
    }

    [Fact]
    public async Task Run_ActivityFailure_SurfacesAsActivityFailedExceptionInOrchestrator()
    {
        // Arrange
        await using var host = await StartAsync(b => b.AddOrchestrator("Catch", async ctx =>
        {
            try
            {
                await ctx.CallActivityAsync<int>(FlakyActivity.Name, new FlakyInput("always", Failures: 100));
                return "no failure";
            }
            catch (ActivityFailedException ex)
            {
                return $"{ex.ActivityName}|{ex.FailureDetails.ErrorType}|{ex.FailureDetails.ErrorMessage}";
            }
        }));

        // Act
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Catch", null, "catch-1");
        var done = await host.WaitForCompletionAsync("catch-1");

        // Assert
        Assert.Equal("\"Flaky|System.InvalidOperationException|Attempt 1 failed on purpose.\"", done.SerializedOutput);
    }

    [Fact]
    public async Task Run_ActivityKeepsFailing_FailsInstanceWithActivityFailureAfterRetries()
    {
        // Arrange
        var retry = new ActivityOptions(new ActivityRetryPolicy(3, TimeSpan.FromMilliseconds(100)));
        await using var host = await StartAsync(b => b.AddOrchestrator("Poison", ctx =>
            ctx.CallActivityAsync<int>(FlakyActivity.Name, new FlakyInput("poison", Failures: 1000), retry)));

        // Act
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Poison", null, "poison-1");
        var done = await host.WaitForCompletionAsync("poison-1");

        // Assert
        Assert.Equal(OrchestrationStatus.Failed, done.RuntimeStatus);
        Assert.Equal("System.InvalidOperationException", done.FailureDetails!.ErrorType);
        Assert.Contains("Attempt 3 failed on purpose.", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(3, host.Probe.Calls["poison"]);
    }

    [Fact]
    public async Task RaiseEvent_BeforeAndAfterTheWait_BothDeliveredWithPayloads()
    {
        // Arrange
        await using var host = await StartAsync(b => b.AddOrchestrator("Events", async ctx =>
        {
            var first = await ctx.WaitForExternalEvent<string>("First");
            var second = await ctx.WaitForExternalEvent<string>("second");
            return first + "+" + second;
        }));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Events", null, "events-1");
        await host.WaitForStatusAsync("events-1", OrchestrationStatus.Running);

        // Act: "second" arrives before its wait (buffered), "first" while the orchestrator waits for it.
        await host.Client.RaiseEventAsync("events-1", "SECOND", "b");
        await host.WaitForHistoryAsync("events-1", e => e.Type == HistoryEventType.EventRaised, "the early event to be recorded");
        await host.Client.RaiseEventAsync("events-1", "first", "a");
        var done = await host.WaitForCompletionAsync("events-1");

        // Assert
        Assert.Equal("a+b", System.Text.Json.JsonSerializer.Deserialize<string>(done.SerializedOutput!));
    }

    [Fact]
    public async Task RaiseEvent_BeforeInstanceStarts_IsBufferedAndDelivered()
    {
        // Arrange
        await using var host = await StartAsync(b => b.AddOrchestrator("Early", async ctx =>
        {
            await ctx.CallActivityAsync<string>(EchoActivity.Name, "first");
            return await ctx.WaitForExternalEvent<int>(Approve);
        }));

        // Act
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Early", null, "early-1");
        await host.Client.RaiseEventAsync("early-1", Approve, 42);
        var done = await host.WaitForCompletionAsync("early-1");

        // Assert
        Assert.Equal("42", done.SerializedOutput);
    }

    [Fact]
    public async Task TimerRace_EventBeforeTimer_EventWins()
    {
        // Arrange
        await using var host = await StartAsync(RegisterRace);
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Race", 3600, "race-event");
        await host.WaitForStatusAsync("race-event", OrchestrationStatus.Running);

        // Act
        await host.Client.RaiseEventAsync("race-event", Approve, "yes");
        var done = await host.WaitForCompletionAsync("race-event");

        // Assert
        Assert.Equal("\"event:yes\"", done.SerializedOutput);
    }

    [Fact]
    public async Task Complete_TimerStillPending_DeletesTheTimerMessageFromTheQueue()
    {
        // Arrange
        await using var host = await StartHourRaceAsync("Race", "race-cleanup");

        // Act
        await host.Client.RaiseEventAsync("race-cleanup", Approve, "yes");
        await host.WaitForCompletionAsync("race-cleanup");

        // Assert
        await Poll.UntilAsync(async () => await ControlMessagesAsync(host) == 0, TimeSpan.FromSeconds(30), "the timer message to be deleted");
        var state = await host.Storage.ReadInstanceAsync("race-cleanup", CancellationToken.None);
        Assert.Empty(state!.PendingTimers);
    }

    [Fact]
    public async Task TimerCancelled_InstanceKeepsRunning_DeletesTheTimerMessageFromTheQueue()
    {
        // Arrange: the approval will win against the timer, then the instance waits for "Go".
        await using var host = await StartHourRaceAsync("RaceThenWait", "race-wait");

        // Act
        await host.Client.RaiseEventAsync("race-wait", Approve, "yes");

        // Assert: the cancelled timer's message is gone while the instance still runs, and the instance finishes.
        await Poll.UntilAsync(async () => await ControlMessagesAsync(host) == 0, TimeSpan.FromSeconds(30), "the cancelled timer's message to be deleted");
        var state = await host.Storage.ReadInstanceAsync("race-wait", CancellationToken.None);
        Assert.Equal(OrchestrationStatus.Running, state!.Status);
        Assert.Empty(state.PendingTimers);
        await host.Client.RaiseEventAsync("race-wait", "Go", "go");
        Assert.Equal("\"event:yes, then go\"", (await host.WaitForCompletionAsync("race-wait")).SerializedOutput);
    }

    [Fact]
    public async Task TimerBeyondMaxDelay_QueuedAgainWithItsReceiptSaved_DeletedWhenTheInstanceEnds()
    {
        // Arrange: timer messages stay hidden at most 1 s, so an hour-long timer comes back (early) every second.
        await using var host = await DurableTestHost.StartAsync(azurite, AzuriteFixture.UniqueName("h"), RegisterRace, tune: o => o.MaxTimerDelay = TimeSpan.FromSeconds(1));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Race", 3600, "race-long");
        await host.WaitForStatusAsync("race-long", OrchestrationStatus.Running);
        string? firstMessage = null;
        await Poll.UntilAsync(
            async () => (firstMessage = (await host.Storage.ReadInstanceAsync("race-long", CancellationToken.None))!.PendingTimers.SingleOrDefault()?.MessageId) is not null,
            TimeSpan.FromSeconds(30),
            "the timer's receipt to be saved");
        await Poll.UntilAsync(
            async () => (await host.Storage.ReadInstanceAsync("race-long", CancellationToken.None))!.PendingTimers is [var timer] && timer.MessageId != firstMessage,
            TimeSpan.FromSeconds(30),
            "the early timer to be queued again and its new receipt saved");

        // Act
        await host.Client.RaiseEventAsync("race-long", Approve, "yes");
        var done = await host.WaitForCompletionAsync("race-long");

        // Assert: the timer message is gone for good, not queued again every second after the end.
        Assert.Equal("\"event:yes\"", done.SerializedOutput);
        await Poll.UntilAsync(async () => await ControlMessagesAsync(host) == 0, TimeSpan.FromSeconds(30), "no timer message left");
    }

    [Fact]
    public async Task TimerRace_TimerBeforeEvent_TimerWinsAndLateEventIsIgnored()
    {
        // Arrange
        await using var host = await StartAsync(RegisterRace);

        // Act
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Race", 1, "race-timer");
        var done = await host.WaitForCompletionAsync("race-timer");
        await host.Client.RaiseEventAsync("race-timer", Approve, "too late");

        // Assert
        Assert.Equal("\"timeout\"", done.SerializedOutput);
        var after = await host.Client.GetInstanceAsync("race-timer", getInputsAndOutputs: true);
        Assert.Equal("\"timeout\"", after!.SerializedOutput);
    }

    [Fact]
    public async Task CreateTimer_CancelledInTheSameEpisode_RecordedButNoMessageQueued()
    {
        // Arrange
        await using var host = await StartAsync(b => b.AddOrchestrator("Cancel", async ctx =>
        {
            using var cts = new CancellationTokenSource();
            var timer = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddHours(1), cts.Token);
            cts.Cancel();
            await ctx.WaitForExternalEvent<string>("Go");
            return timer.Status.ToString();
        }));

        // Act
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Cancel", null, "cancel-1");
        await host.WaitForHistoryAsync("cancel-1", e => e.Type == HistoryEventType.TimerCreated, "the timer to be recorded");

        // Assert: the start message deleted and no timer message sent; replay still finds the timer.
        await Poll.UntilAsync(async () => await ControlMessagesAsync(host) == 0, TimeSpan.FromSeconds(30), "an empty control queue");
        await host.Client.RaiseEventAsync("cancel-1", "Go", "now");
        var done = await host.WaitForCompletionAsync("cancel-1");
        Assert.Equal("\"Canceled\"", done.SerializedOutput);
    }

    [Fact]
    public async Task Terminate_WaitingInstance_EndsTerminatedWithOutput()
    {
        // Arrange
        await using var host = await StartAsync(b => b.AddOrchestrator("Wait", ctx => ctx.WaitForExternalEvent<string>(Approve)));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", null, "term-1");
        await host.WaitForStatusAsync("term-1", OrchestrationStatus.Running);

        // Act
        await host.Client.TerminateInstanceAsync("term-1", "cancelled by test");
        var done = await host.WaitForCompletionAsync("term-1");
        await host.Client.RaiseEventAsync("term-1", Approve, "late");

        // Assert
        Assert.Equal(OrchestrationStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("\"cancelled by test\"", done.SerializedOutput);
    }

    [Fact]
    public async Task Purge_FinishedInstance_RemovesStateAndHistory()
    {
        // Arrange
        await using var host = await StartAsync(b => b.AddOrchestrator("Quick", ctx => ctx.CallActivityAsync<string>(EchoActivity.Name, "x")));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Quick", null, "purge-1");
        await host.WaitForCompletionAsync("purge-1");

        // Act
        var purged = await host.Client.PurgeInstanceAsync("purge-1");
        var again = await host.Client.PurgeInstanceAsync("purge-1");

        // Assert
        Assert.True(purged);
        Assert.False(again);
        Assert.Null(await host.Client.GetInstanceAsync("purge-1"));
        Assert.Empty(await host.HistoryAsync("purge-1"));
    }

    [Fact]
    public async Task Purge_RunningInstance_ReturnsFalseAndKeepsIt()
    {
        // Arrange
        await using var host = await StartAsync(b => b.AddOrchestrator("Wait", ctx => ctx.WaitForExternalEvent<string>(Approve)));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Wait", null, "purge-running");
        await host.WaitForStatusAsync("purge-running", OrchestrationStatus.Running);

        // Act
        var purged = await host.Client.PurgeInstanceAsync("purge-running");

        // Assert
        Assert.False(purged);
        Assert.NotNull(await host.Client.GetInstanceAsync("purge-running"));
    }

    [Fact]
    public async Task Schedule_SameIdTwice_StartsOneInstance()
    {
        // Arrange
        await using var host = await StartAsync(b => b.AddOrchestrator("Once", ctx => ctx.CallActivityAsync<string>(EchoActivity.Name, ctx.InstanceId)));

        // Act
        var first = await host.Client.ScheduleNewOrchestrationInstanceAsync("Once", "a", "same-id");
        var second = await host.Client.ScheduleNewOrchestrationInstanceAsync("Once", "b", "same-id");
        var done = await host.WaitForCompletionAsync("same-id");
        var third = await host.Client.ScheduleNewOrchestrationInstanceAsync("Once", "c", "same-id");

        // Assert
        Assert.Equal("same-id", first);
        Assert.Equal("same-id", second);
        Assert.Equal("same-id", third);
        Assert.Equal("\"a\"", done.SerializedInput);
        Assert.Equal(1, host.Probe.Calls["same-id"]);
        Assert.Equal(OrchestrationStatus.Completed, (await host.Client.GetInstanceAsync("same-id"))!.RuntimeStatus);
        Assert.Single(await host.HistoryAsync("same-id"), e => e.Type == HistoryEventType.ExecutionStarted);
    }

    [Fact]
    public async Task Replay_CodeDivergesFromHistory_FailsWithNonDeterminismError()
    {
        // Arrange: the orchestrator's code "changes" between two episodes of the same instance.
        var version = 1;
        await using var host = await StartAsync(b => b.AddOrchestrator("Changing", async ctx =>
        {
            await ctx.CallActivityAsync<string>(version == 1 ? EchoActivity.Name : FlakyActivity.Name, "v");
            return await ctx.WaitForExternalEvent<string>(Approve);
        }));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Changing", null, "nondet-1");
        await host.WaitForHistoryAsync("nondet-1", e => e.Type == HistoryEventType.TaskCompleted, "the first activity to complete");

        // Act
        version = 2;
        await host.Client.RaiseEventAsync("nondet-1", Approve, "go");
        var done = await host.WaitForCompletionAsync("nondet-1");

        // Assert
        Assert.Equal(OrchestrationStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, done.FailureDetails!.ErrorType);
        Assert.Contains("activity 'Echo' at sequence #0", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("activity 'Flaky'", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetCustomStatus_WhileWaiting_IsVisibleToClients()
    {
        // Arrange
        await using var host = await StartAsync(b => b.AddOrchestrator("Status", async ctx =>
        {
            ctx.SetCustomStatus(new { Step = "waiting", Count = 1 });
            return await ctx.WaitForExternalEvent<string>(Approve);
        }));

        // Act
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Status", null, "status-1");
        var running = await host.WaitForStatusAsync("status-1", OrchestrationStatus.Running);
        var withoutPayloads = await host.Client.GetInstanceAsync("status-1");

        // Assert
        Assert.Equal("""{"step":"waiting","count":1}""", running.SerializedCustomStatus);
        Assert.Null(withoutPayloads!.SerializedCustomStatus);
        Assert.Equal("Status", withoutPayloads.Name);
    }

    [Fact]
    public async Task GetInstance_UnknownId_ReturnsNull()
    {
        // Arrange
        await using var host = await StartAsync(_ => { });

        // Act
        var instance = await host.Client.GetInstanceAsync("nobody/with#odd?chars");

        // Assert
        Assert.Null(instance);
    }

    [Fact]
    public async Task Run_InstanceIdWithReservedCharacters_CompletesAndIsReadable()
    {
        // Arrange
        await using var host = await StartAsync(b => b.AddOrchestrator("Quick", ctx => ctx.CallActivityAsync<string>(EchoActivity.Name, ctx.InstanceId)));

        // Act
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Quick", null, "biz/42#a?b%c");
        var done = await host.WaitForCompletionAsync("biz/42#a?b%c");

        // Assert
        Assert.Equal("\"biz/42#a?b%c!\"", done.SerializedOutput);
        Assert.Equal("biz/42#a?b%c", done.InstanceId);
    }

    [Fact]
    public async Task Run_UnknownActivity_FailsInstanceWithClearError()
    {
        // Arrange
        await using var host = await StartAsync(b => b.AddOrchestrator("Missing", ctx => ctx.CallActivityAsync<string>("NoSuchActivity")));

        // Act
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Missing", null, "missing-1");
        var done = await host.WaitForCompletionAsync("missing-1");

        // Assert
        Assert.Equal(OrchestrationStatus.Failed, done.RuntimeStatus);
        Assert.Equal("ActivityNotFound", done.FailureDetails!.ErrorType);
    }

    [Fact]
    public async Task Commit_EpisodeSentItsMessages_LeavesNoPendingOutbox()
    {
        // Arrange
        await using var host = await StartAsync(b => b.AddOrchestrator("Outbox", async ctx =>
        {
            await ctx.CallActivityAsync<string>(EchoActivity.Name, "o");
            return await ctx.WaitForExternalEvent<string>(Approve);
        }));

        // Act
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Outbox", null, "outbox-1");
        await host.WaitForHistoryAsync("outbox-1", e => e.Type == HistoryEventType.TaskCompleted, "the activity result to be recorded");
        var state = await host.Storage.LoadAsync("outbox-1", fresh: true, CancellationToken.None);

        // Assert
        Assert.Empty(state!.Outbox);
        Assert.Equal(OrchestrationStatus.Running, state.Status);
    }

    [Fact]
    public async Task TryCommit_Twice_SecondWithStaleETagIsRejected()
    {
        // Arrange
        await using var host = await StartAsync(_ => { });
        await host.Worker.StopAsync(CancellationToken.None);
        await host.Client.ScheduleNewOrchestrationInstanceAsync("NotRegisteredHere", null, "etag-1");
        var mine = await host.Storage.LoadAsync("etag-1", fresh: false, CancellationToken.None);
        var theirs = await host.Storage.LoadAsync("etag-1", fresh: false, CancellationToken.None);

        // Act
        var committed = await host.Storage.TryCommitAsync(mine!, [new(HistoryEventType.OrchestratorStarted)], CancellationToken.None);
        var stored = await host.Storage.ReadInstanceAsync("etag-1", CancellationToken.None);
        var stale = await host.Storage.TryCommitAsync(theirs!, [new(HistoryEventType.OrchestratorStarted)], CancellationToken.None);

        // Assert
        Assert.Equal(stored!.ETag, committed);
        Assert.Null(stale);
    }

    /// <summary>Starts a race against an hour-long timer and waits until its message, invisible, is all the control queue holds.</summary>
    private async Task<DurableTestHost> StartHourRaceAsync(string orchestrator, string instanceId)
    {
        var host = await StartAsync(RegisterRace);
        try
        {
            await host.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, 3600, instanceId);
            await host.WaitForStatusAsync(instanceId, OrchestrationStatus.Running);
            await Poll.UntilAsync(async () => await ControlMessagesAsync(host) == 1, TimeSpan.FromSeconds(30), "only the timer message to be left (the start message deleted)");
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private static async Task<int> ControlMessagesAsync(DurableTestHost host) =>
        (await host.Storage.Control.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    private static void RegisterRace(DurableBuilder builder) => builder
        .AddOrchestrator("Race", RaceAsync)
        .AddOrchestrator("RaceThenWait", async ctx =>
        {
            var first = await RaceAsync(ctx);
            return first + ", then " + await ctx.WaitForExternalEvent<string>("Go");
        });

    /// <summary>An approval event against a timer of input seconds; the loser is cancelled.</summary>
    private static async Task<string> RaceAsync(IOrchestrationContext ctx)
    {
        using var cts = new CancellationTokenSource();
        var timer = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddSeconds(ctx.GetInput<int>()), cts.Token);
        var approval = ctx.WaitForExternalEvent<string>(Approve, cts.Token);
        var winner = await Task.WhenAny(timer, approval);
        cts.Cancel();
        return winner == approval ? "event:" + await approval : "timeout";
    }

    private Task<DurableTestHost> StartAsync(Action<DurableBuilder> register) =>
        DurableTestHost.StartAsync(azurite, AzuriteFixture.UniqueName("h"), b =>
        {
            b.AddActivity<EchoActivity, string, string>(EchoActivity.Name)
                .AddActivity<FlakyActivity, FlakyInput, int>(FlakyActivity.Name)
                .AddActivity<EffectActivity, EffectInput, int>(EffectActivity.Name);
            register(b);
        });
}
