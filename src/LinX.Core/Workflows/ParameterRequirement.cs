namespace LinX.Core.Workflows;

/// <summary>Whether a step needs a parameter.</summary>
public enum ParameterRequirement
{
    /// <summary>The step cannot run without it.</summary>
    Required,

    /// <summary>The step uses it when given.</summary>
    Optional,

    /// <summary>Required or allowed depending on other values (see <see cref="StepParameter.Condition"/>).</summary>
    Conditional,
}
