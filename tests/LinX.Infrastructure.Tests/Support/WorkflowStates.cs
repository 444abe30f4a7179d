using LinX.Core.Workflows;
using LinX.Infrastructure.Demo;

namespace LinX.Infrastructure.Tests.Support;

/// <summary>Moves a stored workflow to a state as the orchestrator's bookkeeping would.</summary>
internal static class WorkflowStates
{
    public static async Task SetAsync(TestHost host, Guid workflowId, WorkflowStatus status, int currentStep, long version = 1)
    {
        var store = host.Get<IWorkflowStore>();
        var workflow = (await store.GetAsync(DemoData.BusinessId, workflowId, CancellationToken.None))!;
        var steps = workflow.Steps
            .Select((s, i) => s with { Status = i < currentStep ? StepStatus.Completed : i == currentStep ? StepStatus.Active : StepStatus.Created })
            .ToList();
        await store.ApplyAsync(
            new WorkflowStatusUpdate(
                DemoData.BusinessId, workflowId, version, status, currentStep, steps, workflow.ExpireAt, null, null, null, null, null, null, null, null),
            CancellationToken.None);
    }
}
