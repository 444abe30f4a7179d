using LinX.Core.Webhooks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace LinX.Functions.Functions;

/// <summary>The webhook dispatcher orchestrator function: <see cref="WebhookDispatchOrchestration"/> on Durable Functions' context.</summary>
public static class WebhookDispatchOrchestratorFunction
{
    [Function(WebhookDispatchOrchestration.Name)]
    public static Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, WebhookDispatchInput input) =>
        WebhookDispatchOrchestration.RunAsync(context, input);
}
