using System.Text.Json.Serialization;

namespace LinX.Core.Workflows;

/// <summary>Workflow status: CREATED -> ACTIVE -> COMPLETED | DECLINED | EXPIRED | CANCELLED | FAILED.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkflowStatus>))]
public enum WorkflowStatus
{
    [JsonStringEnumMemberName("CREATED")] Created,
    [JsonStringEnumMemberName("ACTIVE")] Active,
    [JsonStringEnumMemberName("COMPLETED")] Completed,
    [JsonStringEnumMemberName("DECLINED")] Declined,
    [JsonStringEnumMemberName("EXPIRED")] Expired,
    [JsonStringEnumMemberName("CANCELLED")] Cancelled,
    [JsonStringEnumMemberName("FAILED")] Failed,
}

/// <summary>Step status.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepStatus>))]
public enum StepStatus
{
    [JsonStringEnumMemberName("CREATED")] Created,
    [JsonStringEnumMemberName("ACTIVE")] Active,
    [JsonStringEnumMemberName("COMPLETED")] Completed,
    [JsonStringEnumMemberName("DECLINED")] Declined,
    [JsonStringEnumMemberName("FAILED")] Failed,
}

/// <summary>Helpers on statuses.</summary>
public static class WorkflowStatusExtensions
{
    /// <summary>True while the customer can still act (CREATED or ACTIVE).</summary>
    public static bool IsOpen(this WorkflowStatus status) => status is WorkflowStatus.Created or WorkflowStatus.Active;

    /// <summary>The contract's spelling, e.g. <c>ACTIVE</c>.</summary>
    public static string ToContractString(this WorkflowStatus status) => status.ToString().ToUpperInvariant();

    /// <summary>The contract's spelling, e.g. <c>COMPLETED</c>.</summary>
    public static string ToContractString(this StepStatus status) => status.ToString().ToUpperInvariant();
}
