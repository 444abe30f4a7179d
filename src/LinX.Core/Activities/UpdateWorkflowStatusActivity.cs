using LinX.Core.Orchestration;
using LinX.Core.Workflows;
using Microsoft.Extensions.Logging;

namespace LinX.Core.Activities;

/// <summary>
/// Bookkeeping: writes the orchestrator's snapshot to the workflow row (versioned, never regressing). This is the
/// one place every state change passes through, so it is where business webhooks will be emitted (a later issue).
/// </summary>
public sealed class UpdateWorkflowStatusActivity : IActivity<WorkflowStatusUpdate, bool>
{
    private readonly IWorkflowStore _workflows;
    private readonly ILogger<UpdateWorkflowStatusActivity> _logger;

    public UpdateWorkflowStatusActivity(IWorkflowStore workflows, ILogger<UpdateWorkflowStatusActivity> logger)
    {
        _workflows = workflows;
        _logger = logger;
    }

    public async Task<bool> RunAsync(WorkflowStatusUpdate input, CancellationToken cancellationToken)
    {
        var applied = await _workflows.ApplyAsync(input, cancellationToken);
        if (applied)
        {
            _logger.WorkflowStatusChanged(input.WorkflowId, input.Status.ToContractString(), input.CurrentStep);
        }

        return applied;
    }
}
