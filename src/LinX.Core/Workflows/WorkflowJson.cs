using System.Text.Json;
using System.Text.Json.Serialization;

namespace LinX.Core.Workflows;

/// <summary>JSON settings of the workflow contract: camelCase, nulls omitted (the seed's shape).</summary>
public static class WorkflowJson
{
    /// <summary>Options to (de)serialize <see cref="WorkflowRequest"/>, <see cref="WorkflowPlan"/> and friends.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
    };
}
