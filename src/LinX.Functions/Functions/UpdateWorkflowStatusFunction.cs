using LinX.Core.Activities;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;
using LinX.Functions.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace LinX.Functions.Functions;

/// <summary>
/// Activity function <c>UpdateWorkflowStatus</c>: runs <see cref="UpdateWorkflowStatusActivity"/>. It starts or wakes
/// webhook dispatchers, so it binds this invocation's Durable client first.
/// </summary>
public sealed class UpdateWorkflowStatusFunction
{
    private readonly UpdateWorkflowStatusActivity _activity;
    private readonly InvocationOrchestrationClient _orchestrations;

    public UpdateWorkflowStatusFunction(UpdateWorkflowStatusActivity activity, InvocationOrchestrationClient orchestrations)
    {
        _activity = activity;
        _orchestrations = orchestrations;
    }

    [Function(ActivityNames.UpdateWorkflowStatus)]
    public Task<bool> RunAsync([ActivityTrigger] WorkflowStatusUpdate input, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        _orchestrations.Use(client);
        return _activity.RunAsync(input, context.CancellationToken);
    }
}
