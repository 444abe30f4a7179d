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

/// <summary>
/// Step status: CREATED -> ACTIVE -> COMPLETED | DECLINED | FAILED | CANCELLED | EXPIRED. The step that was open when
/// the workflow ended takes the workflow's end: DECLINED, FAILED, CANCELLED or EXPIRED.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepStatus>))]
public enum StepStatus
{
    [JsonStringEnumMemberName("CREATED")] Created,
    [JsonStringEnumMemberName("ACTIVE")] Active,
    [JsonStringEnumMemberName("COMPLETED")] Completed,
    [JsonStringEnumMemberName("DECLINED")] Declined,
    [JsonStringEnumMemberName("FAILED")] Failed,
    [JsonStringEnumMemberName("CANCELLED")] Cancelled,
    [JsonStringEnumMemberName("EXPIRED")] Expired,
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

    /// <summary>
    /// The status a step shows under a workflow of <paramref name="workflow"/>: a step still ACTIVE in a CANCELLED or
    /// EXPIRED workflow is CANCELLED or EXPIRED. The orchestrator writes it so; rows written before it did, and a
    /// workflow read as expired before its orchestrator has written so, show it through here.
    /// </summary>
    public static StepStatus ShownUnder(this StepStatus step, WorkflowStatus workflow) => (step, workflow) switch
    {
        (StepStatus.Active, WorkflowStatus.Cancelled) => StepStatus.Cancelled,
        (StepStatus.Active, WorkflowStatus.Expired) => StepStatus.Expired,
        _ => step,
    };

    /// <summary><paramref name="steps"/> as they show under a workflow of <paramref name="workflow"/> (<see cref="ShownUnder(StepStatus, WorkflowStatus)"/>).</summary>
    public static IReadOnlyList<StepState> ShownUnder(this IReadOnlyList<StepState> steps, WorkflowStatus workflow) =>
        steps.Any(s => s.Status.ShownUnder(workflow) != s.Status) ? [.. steps.Select(s => s with { Status = s.Status.ShownUnder(workflow) })] : steps;
}
