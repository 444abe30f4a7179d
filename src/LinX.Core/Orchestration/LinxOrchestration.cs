namespace LinX.Core.Orchestration;

/// <summary>
/// The LinX workflow orchestrator, written once against <see cref="IOrchestrationContext"/>: the notification first,
/// then each step in order. Interactive steps wait for the customer's submission on one external event
/// (<see cref="WorkflowEvent.EventName"/>) raced against the next timer (reminder or expiry); business cancel,
/// extend and resend and customer decline arrive on the same event. Deterministic: time, ids and inputs come only
/// from the context; all I/O is in activities.
/// </summary>
public sealed partial class LinxOrchestration
{
    /// <summary>The name the orchestrator is registered and scheduled by.</summary>
    public const string Name = nameof(LinxOrchestration);

    /// <summary>Retry policy of every activity call: 5 attempts, exponential from 5 seconds, at most 1 minute apart.</summary>
    public static readonly ActivityOptions ActivityRetry =
        ActivityOptions.FromRetryPolicy(new ActivityRetryPolicy(5, TimeSpan.FromSeconds(5), 2.0, TimeSpan.FromMinutes(1)));

    private LinxOrchestration()
    {
    }

    /// <summary>Runs the plan of the context's <see cref="LinxOrchestrationInput"/>.</summary>
    public static Task<WorkflowResult> RunAsync(IOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<LinxOrchestrationInput>()
            ?? throw new InvalidOperationException("The orchestration needs a LinxOrchestrationInput.");
        return new WorkflowRun(context, input).ExecuteAsync();
    }
}
