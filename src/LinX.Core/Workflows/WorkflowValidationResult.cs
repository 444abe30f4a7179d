namespace LinX.Core.Workflows;

/// <summary>The outcome of validating a workflow request: a plan, or every problem found.</summary>
public sealed record WorkflowValidationResult(WorkflowPlan? Plan, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Plan is not null && Errors.Count == 0;

    public static WorkflowValidationResult Valid(WorkflowPlan plan) => new(plan, []);

    public static WorkflowValidationResult Invalid(IReadOnlyList<FieldError> errors) => new(null, errors);

    /// <summary>The plan, or Invalid (400) with every problem.</summary>
    public ServiceResult<WorkflowPlan> ToServiceResult() =>
        IsValid ? ServiceResult.Ok(Plan!) : ServiceResult.Fail<WorkflowPlan>(ServiceOutcome.Invalid, Errors);
}
