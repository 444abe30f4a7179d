using LinX.Core.Workflows;

namespace LinX.Core.Management;

/// <summary>One step of a workflow as the business reads it, in RocketKOR's shape (<c>steps[]</c> of the workflow detail).</summary>
/// <remarks>
/// <c>Id</c>: stable per workflow and step (<see cref="StepState.IdOf"/>), the same id the <c>linx.workflow-updated</c> event
/// carries. <c>Data</c>: the step's display data, masked. <c>UpdatedAt</c> (LinX): when the step took its status.
/// </remarks>
public sealed record WorkflowStepView(
    Guid Id, string StepName, string StepDisplayName, string StepDescription, IReadOnlyDictionary<string, string>? Data, StepStatus Status,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>The steps of <paramref name="record"/> as shown under its status.</summary>
    public static IReadOnlyList<WorkflowStepView> Of(WorkflowRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return [.. record.Steps.ShownUnder(record.Status).Select((step, index) => From(record.WorkflowId, index, step))];
    }

    private static WorkflowStepView From(Guid workflowId, int index, StepState step)
    {
        var definition = StepCatalog.Find(step.Name);
        return new WorkflowStepView(
            StepState.IdOf(workflowId, index), step.Name, definition?.DisplayName ?? step.Name, definition?.Description ?? string.Empty, step.Data,
            step.Status, step.UpdatedAt);
    }
}
