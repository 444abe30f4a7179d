namespace LinX.Core.Workflows;

/// <summary>The steps of a request that are known and not duplicated, in request order.</summary>
/// <param name="Accepted">Each accepted step with its index in the request.</param>
/// <param name="IsComplete">False when some step could not be read or named an unknown step.</param>
internal sealed record StepAnalysis(IReadOnlyList<(int Index, StepDefinition Definition)> Accepted, bool IsComplete)
{
    public bool Has(StepDefinition step) => Accepted.Any(a => a.Definition == step);

    public bool Uses(string parameterName) => Accepted.Any(a => a.Definition.Uses(parameterName));
}
