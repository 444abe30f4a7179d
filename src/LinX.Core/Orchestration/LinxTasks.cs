using LinX.Core.Activities;
using LinX.Core.Batches;
using LinX.Core.Webhooks;
using Microsoft.DurableTask;

namespace LinX.Core.Orchestration;

/// <summary>Registers LinX's orchestrators and activities with a Durable Task SDK worker (LinX.Local, replay tests).</summary>
public static class LinxTasks
{
    public static DurableTaskRegistry AddLinXTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestratorFunc<LinxOrchestrationInput, WorkflowResult>(LinxOrchestration.Name, LinxOrchestration.RunAsync);
        registry.AddOrchestratorFunc<WebhookDispatchInput, string>(WebhookDispatchOrchestration.Name, WebhookDispatchOrchestration.RunAsync);
        registry.AddOrchestratorFunc<BatchOrchestrationInput, string>(BatchOrchestration.Name, BatchOrchestration.RunAsync);
        foreach (var activity in ActivityCatalog.All)
        {
            registry.AddActivity(
                activity.Name,
                typeof(CatalogActivity<,,>).MakeGenericType(activity.ImplementationType, activity.InputType, activity.OutputType));
        }

        return registry;
    }
}
