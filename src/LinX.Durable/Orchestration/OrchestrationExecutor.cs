using LinX.Core.Orchestration;
using Microsoft.Extensions.Logging;

namespace LinX.Durable.Orchestration;

/// <summary>What one episode of an orchestrator produced; <see cref="CancelledTimers"/> of a running one.</summary>
internal sealed record ExecutionResult(
    IReadOnlyList<OrchestratorAction> NewActions,
    bool IsCompleted,
    string? Output,
    FailureDetails? Failure,
    string? CustomStatus)
{
    public IReadOnlyCollection<int> CancelledTimers { get; init; } = [];
}

/// <summary>
/// Replays an orchestrator over its history plus this episode's new events, on a single-threaded
/// synchronization context, and reports the new actions or the outcome.
/// </summary>
internal static class OrchestrationExecutor
{
    private const int MaxStackChars = 4000;

    public static ExecutionResult Execute(
        OrchestratorRegistration orchestrator,
        string instanceId,
        string? input,
        IReadOnlyList<HistoryEvent> past,
        IReadOnlyList<HistoryEvent> newEvents,
        ILoggerFactory loggerFactory)
    {
        var context = new DurableOrchestrationContext(instanceId, input, loggerFactory);
        var sync = new OrchestrationSynchronizationContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(sync);
        try
        {
            Task<string?>? run = null;
            var total = past.Count + newEvents.Count;
            for (var i = 0; i < total && run is not { IsCompleted: true }; i++)
            {
                var e = i < past.Count ? past[i] : newEvents[i - past.Count];
                context.IsReplaying = i < past.Count;
                Apply(e, context, orchestrator, ref run);
                sync.RunPending();
            }

            if (run is not { IsCompleted: true })
            {
                return new ExecutionResult([.. context.NewActions], false, null, null, context.CustomStatus) { CancelledTimers = context.CancelledTimers };
            }

            if (run.IsCompletedSuccessfully)
            {
                return new ExecutionResult([], true, run.Result, null, context.CustomStatus);
            }

            var exception = run.Exception?.InnerException ?? new TaskCanceledException("The orchestrator was cancelled.");
            return new ExecutionResult([], true, null, ToFailure(exception), context.CustomStatus);
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            return new ExecutionResult([], true, null, ToFailure(ex), context.CustomStatus);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    public static FailureDetails ToFailure(Exception exception) => exception switch
    {
        // The activity's own failure is what matters to whoever reads the failed instance.
        ActivityFailedException failed => new FailureDetails(failed.FailureDetails.ErrorType, failed.Message, failed.FailureDetails.StackTrace),
        _ => new FailureDetails(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, Truncate(exception.StackTrace)),
    };

    private static string? Truncate(string? value) => value is { Length: > MaxStackChars } ? value[..MaxStackChars] : value;

    private static void Apply(HistoryEvent e, DurableOrchestrationContext context, OrchestratorRegistration orchestrator, ref Task<string?>? run)
    {
        switch (e.Type)
        {
            case HistoryEventType.OrchestratorStarted:
                context.CurrentUtcDateTime = e.Timestamp ?? context.CurrentUtcDateTime;
                break;
            case HistoryEventType.ExecutionStarted:
                run ??= StartAsync(orchestrator, context);
                break;
            case HistoryEventType.TaskScheduled:
            case HistoryEventType.TimerCreated:
                context.VerifyRecorded(e);
                break;
            case HistoryEventType.TaskCompleted:
                context.CompleteActivity(e.TaskId ?? -1, e.Payload);
                break;
            case HistoryEventType.TaskFailed:
                context.FailActivity(e.TaskId ?? -1, e.Failure ?? new FailureDetails("Unknown", "The activity failed."));
                break;
            case HistoryEventType.TimerFired:
                context.FireTimer(e.TaskId ?? -1);
                break;
            case HistoryEventType.EventRaised:
                context.DeliverEvent(e.Name ?? string.Empty, e.Payload);
                break;
            default:
                break;
        }
    }

    private static async Task<string?> StartAsync(OrchestratorRegistration orchestrator, DurableOrchestrationContext context) =>
        await orchestrator.RunAsync(context);
}
