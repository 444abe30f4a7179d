using LinX.Core.Workflows;

namespace LinX.Core.Tests.Workflows;

/// <summary>The read-time mapping of rows written before the orchestrator ended the open step itself.</summary>
public sealed class StepStatusShownUnderTests
{
    [Theory]
    [InlineData(StepStatus.Active, WorkflowStatus.Cancelled, StepStatus.Cancelled)]
    [InlineData(StepStatus.Active, WorkflowStatus.Expired, StepStatus.Expired)]
    [InlineData(StepStatus.Active, WorkflowStatus.Active, StepStatus.Active)]
    [InlineData(StepStatus.Completed, WorkflowStatus.Cancelled, StepStatus.Completed)]
    [InlineData(StepStatus.Created, WorkflowStatus.Expired, StepStatus.Created)]
    [InlineData(StepStatus.Declined, WorkflowStatus.Declined, StepStatus.Declined)]
    [InlineData(StepStatus.Failed, WorkflowStatus.Failed, StepStatus.Failed)]
    public void ShownUnder_StepOfWorkflow_IsTheStepsEnd(StepStatus step, WorkflowStatus workflow, StepStatus expected) =>
        Assert.Equal(expected, step.ShownUnder(workflow));

    [Fact]
    public void ShownUnder_StepsOfAnOpenWorkflow_AreTheSameList()
    {
        IReadOnlyList<StepState> steps = [new("notification", StepStatus.Completed), new("customer-account", StepStatus.Active)];

        Assert.Same(steps, steps.ShownUnder(WorkflowStatus.Active));
        Assert.Equal(
            [StepStatus.Completed, StepStatus.Cancelled],
            steps.ShownUnder(WorkflowStatus.Cancelled).Select(s => s.Status));
    }
}
