using LinX.Core.Orchestration;
using LinX.Functions.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace LinX.Functions.Functions;

/// <summary>The Durable orchestrator function: LinX's orchestrator over the adapted context.</summary>
public static class LinxOrchestratorFunction
{
    [Function(LinxOrchestration.Name)]
    public static Task<WorkflowResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        LinxOrchestration.RunAsync(new TaskOrchestrationContextAdapter(context));
}
