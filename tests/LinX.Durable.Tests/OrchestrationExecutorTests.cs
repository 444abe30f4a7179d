using LinX.Core.Orchestration;
using LinX.Durable.Orchestration;
using Microsoft.Extensions.Logging.Abstractions;

namespace LinX.Durable.Tests;

/// <summary>Replay without storage: history in, actions or outcome out.</summary>
public sealed class OrchestrationExecutorTests
{
    private static readonly DateTime T0 = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Execute_FirstEpisode_SchedulesFirstActivityOnly()
    {
        // Arrange
        var orchestrator = Sequence();

        // Act
        var result = OrchestrationExecutor.Execute(orchestrator, "i", "\"x\"", [], [Started(T0), new(HistoryEventType.ExecutionStarted)], NullLoggerFactory.Instance);

        // Assert
        Assert.False(result.IsCompleted);
        var action = Assert.Single(result.NewActions);
        Assert.Equal(new OrchestratorAction(0, ActionKind.Activity, "A", "\"x\"", null), action);
    }

    [Fact]
    public void Execute_ReplayWithResults_CompletesWithOutputAndReplayTimeFromHistory()
    {
        // Arrange
        var orchestrator = Sequence();
        HistoryEvent[] past =
        [
            Started(T0), new(HistoryEventType.ExecutionStarted), new(HistoryEventType.TaskScheduled) { TaskId = 0, Name = "A" },
            Started(T0.AddSeconds(5)), new(HistoryEventType.TaskCompleted) { TaskId = 0, Payload = "\"a\"" }, new(HistoryEventType.TaskScheduled) { TaskId = 1, Name = "B" },
        ];

        // Act
        var result = OrchestrationExecutor.Execute(
            orchestrator, "i", "\"x\"", past, [Started(T0.AddSeconds(9)), new(HistoryEventType.TaskCompleted) { TaskId = 1, Payload = "\"b\"" }], NullLoggerFactory.Instance);

        // Assert
        Assert.True(result.IsCompleted);
        Assert.Null(result.Failure);
        Assert.Equal("\"a|b|2025-01-01T00:00:09.0000000Z\"", result.Output);
    }

    [Fact]
    public void Execute_HistoryHasOtherActivity_FailsWithNonDeterminism()
    {
        // Arrange
        var orchestrator = Sequence();
        HistoryEvent[] past = [Started(T0), new(HistoryEventType.ExecutionStarted), new(HistoryEventType.TaskScheduled) { TaskId = 0, Name = "Z" }];

        // Act
        var result = OrchestrationExecutor.Execute(
            orchestrator, "i", null, past, [Started(T0), new(HistoryEventType.TaskCompleted) { TaskId = 0 }], NullLoggerFactory.Instance);

        // Assert
        Assert.True(result.IsCompleted);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, result.Failure!.ErrorType);
    }

    [Fact]
    public void Execute_NewGuid_IsTheSameOnEveryReplay()
    {
        // Arrange
        var orchestrator = new OrchestratorRegistration("G", ctx => Task.FromResult<string?>(ctx.NewGuid().ToString()));
        HistoryEvent[] events = [Started(T0), new(HistoryEventType.ExecutionStarted)];

        // Act
        var first = OrchestrationExecutor.Execute(orchestrator, "i", null, [], events, NullLoggerFactory.Instance);
        var second = OrchestrationExecutor.Execute(orchestrator, "i", null, [], events, NullLoggerFactory.Instance);
        var otherInstance = OrchestrationExecutor.Execute(orchestrator, "j", null, [], events, NullLoggerFactory.Instance);

        // Assert
        Assert.Equal(first.Output, second.Output);
        Assert.NotEqual(first.Output, otherInstance.Output);
    }

    [Fact]
    public void Execute_OrchestratorThrows_FailsWithExceptionDetails()
    {
        // Arrange
        var orchestrator = new OrchestratorRegistration("T", _ => throw new InvalidOperationException("bad input"));

        // Act
        var result = OrchestrationExecutor.Execute(orchestrator, "i", null, [], [Started(T0), new(HistoryEventType.ExecutionStarted)], NullLoggerFactory.Instance);

        // Assert
        Assert.Equal(new FailureDetails("System.InvalidOperationException", "bad input", result.Failure!.StackTrace), result.Failure);
    }

    [Fact]
    public void Execute_CancelledTimer_ReportedCancelled_AndItsLateFiringChangesNothing()
    {
        // Arrange
        var orchestrator = new OrchestratorRegistration("C", async ctx =>
        {
            using var cts = new CancellationTokenSource();
            var timer = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddHours(1), cts.Token);
            cts.Cancel();
            await ctx.WaitForExternalEvent<string>("Go");
            return DurableJson.Serialize(timer.Status.ToString());
        });
        HistoryEvent[] past = [Started(T0), new(HistoryEventType.ExecutionStarted), new(HistoryEventType.TimerCreated) { TaskId = 0, FireAt = T0.AddHours(1) }];
        var fired = new HistoryEvent(HistoryEventType.TimerFired) { TaskId = 0 };

        // Act
        var first = OrchestrationExecutor.Execute(orchestrator, "i", null, [], [Started(T0), new(HistoryEventType.ExecutionStarted)], NullLoggerFactory.Instance);
        var late = OrchestrationExecutor.Execute(orchestrator, "i", null, past, [Started(T0.AddHours(1)), fired], NullLoggerFactory.Instance);
        var done = OrchestrationExecutor.Execute(
            orchestrator, "i", null, [.. past, Started(T0.AddHours(1)), fired], [Started(T0.AddHours(2)), new(HistoryEventType.EventRaised) { Name = "Go" }], NullLoggerFactory.Instance);

        // Assert
        Assert.Equal(ActionKind.Timer, Assert.Single(first.NewActions).Kind);
        Assert.Equal([0], first.CancelledTimers);
        Assert.False(late.IsCompleted);
        Assert.Empty(late.NewActions);
        Assert.Equal("\"Canceled\"", done.Output);
    }

    private static HistoryEvent Started(DateTime at) => new(HistoryEventType.OrchestratorStarted) { Timestamp = at };

    private static OrchestratorRegistration Sequence() => new("Seq", async ctx =>
    {
        var a = await ctx.CallActivityAsync<string>("A", ctx.GetInput<string>());
        var b = await ctx.CallActivityAsync<string>("B", a);
        return DurableJson.Serialize($"{a}|{b}|{ctx.CurrentUtcDateTime:O}");
    });
}
