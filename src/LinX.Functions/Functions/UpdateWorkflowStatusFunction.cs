using LinX.Core.Activities;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;
using LinX.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Functions.Functions;

/// <summary>
/// Activity function <c>UpdateWorkflowStatus</c>: runs <see cref="UpdateWorkflowStatusActivity"/>. The activity publishes
/// webhooks, which starts or wakes dispatcher orchestrations, so it is resolved only after this invocation's Durable
/// client is bound (a constructor parameter would be resolved before).
/// </summary>
public static class UpdateWorkflowStatusFunction
{
    [Function(ActivityNames.UpdateWorkflowStatus)]
    public static Task<bool> RunAsync(
        [ActivityTrigger] WorkflowStatusUpdate input, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        context.BindDurableClient(client).GetRequiredService<UpdateWorkflowStatusActivity>().RunAsync(input, context.CancellationToken);
}
