namespace LinX.Core.Workflows;

/// <summary>
/// Order and exclusivity of the steps (seed table): notification first; exactly one of
/// customer-account / lookup-profile; at most one of financial-account / lookup-financial-account, one
/// required by move-money, the lookup only for an existing customer; move-money last; no step twice.
/// </summary>
internal static class StepRules
{
    public static StepAnalysis Analyse(IReadOnlyList<WorkflowRequestStep>? steps, ValidationErrors errors)
    {
        if (steps is null)
        {
            if (!errors.IsRejected(JsonPath.Steps))
            {
                errors.Add(JsonPath.Steps, WorkflowErrorCodes.FieldRequired, "The steps are required.");
            }

            return new StepAnalysis([], IsComplete: false);
        }

        var accepted = new List<(int, StepDefinition)>();
        var complete = true;
        StepDefinition? last = null;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = Accept(steps[i].Name, i, accepted, errors);
            if (step is null)
            {
                complete = false;
                continue;
            }

            CheckOrder(step, last, i, errors);
            if (last is null || step.OrderGroup >= last.OrderGroup)
            {
                last = step;
            }
        }

        var analysis = new StepAnalysis(accepted, complete);
        CheckPresence(analysis, errors);
        return analysis;
    }

    private static StepDefinition? Accept(string? name, int index, List<(int, StepDefinition)> accepted, ValidationErrors errors)
    {
        var path = JsonPath.StepName(index);
        if (name is null)
        {
            if (!errors.IsRejected(JsonPath.Step(index)) && !errors.IsRejected(path))
            {
                errors.Add(path, WorkflowErrorCodes.FieldRequired, "A step needs a name.");
            }

            return null;
        }

        var step = StepCatalog.Find(name);
        if (step is null)
        {
            errors.Add(path, WorkflowErrorCodes.UnknownStep, $"Unknown step; the steps are: {string.Join(", ", StepCatalog.All.Select(s => s.Name))}.");
            return null;
        }

        if (accepted.Exists(a => a.Item2 == step))
        {
            errors.Add(path, WorkflowErrorCodes.DuplicateStep, "This step appears more than once.");
            return null;
        }

        accepted.Add((index, step));
        return step;
    }

    private static void CheckOrder(StepDefinition step, StepDefinition? last, int index, ValidationErrors errors)
    {
        if (last is null)
        {
            return;
        }

        if (step.OrderGroup < last.OrderGroup)
        {
            errors.Add(JsonPath.StepName(index), WorkflowErrorCodes.StepOutOfOrder,
                $"{step.Name} must come before {last.Name}; the order is notification, customer-account or lookup-profile, enhance-profile, financial-account or lookup-financial-account, document-acceptance, move-money.");
        }
        else if (step.OrderGroup == last.OrderGroup)
        {
            errors.Add(JsonPath.StepName(index), WorkflowErrorCodes.StepsMutuallyExclusive,
                $"{step.Name} and {last.Name} cannot both be in a workflow; use one.");
        }
    }

    private static void CheckPresence(StepAnalysis analysis, ValidationErrors errors)
    {
        CheckLookupFinancialAccount(analysis, errors);

        // An unknown or unreadable step may be the one that looks missing: say nothing speculative.
        if (!analysis.IsComplete)
        {
            return;
        }

        if (!analysis.Has(StepCatalog.Notification))
        {
            errors.Add(JsonPath.Steps, WorkflowErrorCodes.NotificationRequired, "The first step must be notification.");
        }

        if (!analysis.Has(StepCatalog.CustomerAccount) && !analysis.Has(StepCatalog.LookupProfile))
        {
            errors.Add(JsonPath.Steps, WorkflowErrorCodes.CustomerStepRequired, "Either customer-account or lookup-profile is required.");
        }

        if (analysis.Has(StepCatalog.MoveMoney)
            && !analysis.Has(StepCatalog.FinancialAccount) && !analysis.Has(StepCatalog.LookupFinancialAccount))
        {
            errors.Add(JsonPath.Steps, WorkflowErrorCodes.FinancialAccountStepRequired,
                "move-money needs financial-account or lookup-financial-account.");
        }
    }

    private static void CheckLookupFinancialAccount(StepAnalysis analysis, ValidationErrors errors)
    {
        var lookup = analysis.Accepted.FirstOrDefault(a => a.Definition == StepCatalog.LookupFinancialAccount);
        if (lookup.Definition is not null && analysis.Has(StepCatalog.CustomerAccount))
        {
            errors.Add(JsonPath.StepName(lookup.Index), WorkflowErrorCodes.ExistingCustomerRequired,
                "lookup-financial-account is for existing customers (lookup-profile); a new customer uses financial-account.");
        }
    }
}
