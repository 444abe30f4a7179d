namespace LinX.Core.Orchestration;

/// <summary>The LinX workflow orchestrator, written once against <see cref="IOrchestrationContext"/>.</summary>
public sealed partial class LinxOrchestration
{
    /// <summary>The name the orchestrator is registered and scheduled by.</summary>
    public const string Name = nameof(LinxOrchestration);

    /// <summary>Runs the plan of the context's <see cref="LinxOrchestrationInput"/>.</summary>
    public static Task<WorkflowResult> RunAsync(IOrchestrationContext context) => throw new NotImplementedException();
}
