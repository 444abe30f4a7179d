using LinX.Core.Activities;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Functions;

/// <summary>Activity function <c>UpdateWorkflowStatus</c>: runs <see cref="UpdateWorkflowStatusActivity"/>.</summary>
public sealed class UpdateWorkflowStatusFunction
{
    private readonly UpdateWorkflowStatusActivity _activity;

    public UpdateWorkflowStatusFunction(UpdateWorkflowStatusActivity activity) => _activity = activity;

    [Function(ActivityNames.UpdateWorkflowStatus)]
    public Task<bool> RunAsync([ActivityTrigger] WorkflowStatusUpdate input, FunctionContext context) =>
        _activity.RunAsync(input, context.CancellationToken);
}
