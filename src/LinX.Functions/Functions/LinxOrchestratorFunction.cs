using LinX.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace LinX.Functions.Functions;

/// <summary>The workflow orchestrator function: <see cref="LinxOrchestration"/> on Durable Functions' context.</summary>
public static class LinxOrchestratorFunction
{
    [Function(LinxOrchestration.Name)]
    public static Task<WorkflowResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, LinxOrchestrationInput input) =>
        LinxOrchestration.RunAsync(context, input);
}
