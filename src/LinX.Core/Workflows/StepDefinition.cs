namespace LinX.Core.Workflows;

/// <summary>
/// One step of the contract: its name, its order group (steps run by increasing group; two steps of
/// the same group exclude each other), whether the customer acts on it, and its parameters.
/// </summary>
/// <param name="Name">The contract name (<see cref="StepNames"/>).</param>
/// <param name="DisplayName">A short title the Gateway can show.</param>
/// <param name="OrderGroup">1 notification, 2 customer, 3 enhance profile, 4 financial account, 5 documents, 6 money movement.</param>
/// <param name="IsInteractive">Whether the orchestrator waits for the customer on this step.</param>
/// <param name="Parameters">The parameters the step reads from the request's flat <c>parameters</c>.</param>
public sealed record StepDefinition(
    string Name,
    string DisplayName,
    int OrderGroup,
    bool IsInteractive,
    IReadOnlyList<StepParameter> Parameters)
{
    /// <summary>What the step does, in the words of the contract (RocketKOR's <c>stepDescription</c>).</summary>
    public required string Description { get; init; }

    /// <summary>Whether the step takes what the customer is asked for in its own <c>inputs.user</c> (required there), rather than flat parameters.</summary>
    public bool HasUserInputs { get; init; }

    /// <summary>Whether this step reads the parameter <paramref name="parameterName"/>.</summary>
    public bool Uses(string parameterName) => Parameters.Any(p => p.Name == parameterName);
}

/// <summary>A parameter of a step.</summary>
/// <param name="Name">Its JSON name (<see cref="WorkflowParameterNames"/>).</param>
/// <param name="Requirement">Required, optional or conditional.</param>
/// <param name="Condition">For conditional parameters, when they are required or allowed.</param>
public sealed record StepParameter(string Name, ParameterRequirement Requirement, string? Condition = null);
