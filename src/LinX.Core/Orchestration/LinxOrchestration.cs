using Microsoft.DurableTask;

namespace LinX.Core.Orchestration;

/// <summary>
/// The LinX workflow orchestrator, written once against the Durable Task SDK's <see cref="TaskOrchestrationContext"/>:
/// the notification first, then each step in order. Interactive steps wait for the customer's submission on one
/// external event (<see cref="WorkflowEvent.EventName"/>) raced against the next timer (reminder or expiry); business
/// cancel, extend and resend, customer decline and (Development only) time travel arrive on the same event. Deterministic: time, ids and inputs come
/// only from the context; all I/O is in activities.
/// </summary>
public static class LinxOrchestration
{
    /// <summary>The name the orchestrator is registered and scheduled by.</summary>
    public const string Name = nameof(LinxOrchestration);

    /// <summary>Retry policy of every activity call: 5 attempts, exponential from 5 seconds, at most 1 minute apart.</summary>
    public static readonly TaskOptions ActivityRetry =
        TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(5), 2.0, TimeSpan.FromMinutes(1)));

    /// <summary>Runs the plan of <paramref name="input"/>.</summary>
    public static Task<WorkflowResult> RunAsync(TaskOrchestrationContext context, LinxOrchestrationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return new WorkflowRun(context, input).ExecuteAsync();
    }
}
