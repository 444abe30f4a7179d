using LinX.Core.Webhooks;
using LinX.Functions.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace LinX.Functions.Functions;

/// <summary>The webhook dispatcher orchestrator function: <see cref="WebhookDispatchOrchestration"/> over the adapted context.</summary>
public static class WebhookDispatchOrchestratorFunction
{
    [Function(WebhookDispatchOrchestration.Name)]
    public static Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        WebhookDispatchOrchestration.RunAsync(new TaskOrchestrationContextAdapter(context));
}
