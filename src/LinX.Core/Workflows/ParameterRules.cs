namespace LinX.Core.Workflows;

/// <summary>
/// The parameters against the steps: every required parameter of a present step is there, no
/// parameter is left unused, and every value is valid; the steps' own inputs are checked by <see cref="StepInputRules"/>.
/// Produces the typed steps, in request order.
/// </summary>
internal static class ParameterRules
{
    public static List<WorkflowStep> Check(
        WorkflowRequestParameters? parameters, IReadOnlyList<WorkflowRequestStep>? requested, StepAnalysis steps, DateTimeOffset now, ValidationErrors errors)
    {
        var typed = new List<WorkflowStep>();
        var inputs = steps.Accepted.ToDictionary(a => a.Index, a => StepInputRules.Check(requested?[a.Index], a.Index, a.Definition, errors));
        if (errors.IsRejected(JsonPath.Parameters))
        {
            return typed;
        }

        parameters ??= new WorkflowRequestParameters();
        CheckRequired(parameters, steps, errors);

        // With an unknown or unreadable step we cannot tell which parameters it meant to use.
        if (steps.IsComplete)
        {
            CheckUnused(parameters, steps, errors);
        }

        var subType = steps.Has(StepCatalog.FinancialAccount) ? FinancialAccountSubTypeOf(parameters, errors) : null;
        foreach (var (index, definition) in steps.Accepted)
        {
            var step = definition.HasUserInputs ? inputs[index] : definition.Name switch
            {
                StepNames.Notification => NotificationRules.Check(parameters, errors),
                StepNames.CustomerAccount => new CustomerAccountStep(),
                StepNames.LookupProfile => ToStep(ValueRules.Uuid(parameters.CustomerId, JsonPath.Parameter(WorkflowParameterNames.CustomerId), errors), id => new LookupProfileStep(id)),
                StepNames.FinancialAccount => ToStep(subType, t => new FinancialAccountStep(t)),
                StepNames.LookupFinancialAccount => ToStep(ValueRules.Uuid(parameters.CustomerFinancialAccountId, JsonPath.Parameter(WorkflowParameterNames.CustomerFinancialAccountId), errors), id => new LookupFinancialAccountStep(id)),
                StepNames.MoveMoney => MoveMoneyRules.Check(parameters, subType, now, errors),
                _ => null,
            };
            if (step is not null)
            {
                typed.Add(step);
            }
        }

        return typed;
    }

    private static FinancialAccountSubType? FinancialAccountSubTypeOf(WorkflowRequestParameters parameters, ValidationErrors errors) =>
        ValueRules.OneOf(parameters.FinancialAccountSubType, WireValues.SubTypes, JsonPath.Parameter(WorkflowParameterNames.FinancialAccountSubType), errors);

    private static WorkflowStep? ToStep<T>(T? value, Func<T, WorkflowStep> create)
        where T : struct => value is { } v ? create(v) : null;

    private static void CheckRequired(WorkflowRequestParameters parameters, StepAnalysis steps, ValidationErrors errors)
    {
        foreach (var (_, definition) in steps.Accepted)
        {
            foreach (var parameter in definition.Parameters.Where(p => p.Requirement == ParameterRequirement.Required))
            {
                var path = JsonPath.Parameter(parameter.Name);
                if (parameters.Get(parameter.Name) is null && !errors.IsRejected(path))
                {
                    errors.Add(path, WorkflowErrorCodes.ParameterRequired, $"Required by the {definition.Name} step.");
                }
            }
        }
    }

    private static void CheckUnused(WorkflowRequestParameters parameters, StepAnalysis steps, ValidationErrors errors)
    {
        foreach (var name in StepCatalog.ParameterNames)
        {
            var path = JsonPath.Parameter(name);
            var present = parameters.Get(name) is not null || errors.IsRejected(path);
            if (present && !steps.Uses(name))
            {
                var owners = string.Join(" or ", StepCatalog.All.Where(s => s.Uses(name)).Select(s => s.Name));
                errors.Add(path, WorkflowErrorCodes.UnusedParameter, $"No step of this workflow uses it (it belongs to {owners}).");
            }
        }
    }
}
