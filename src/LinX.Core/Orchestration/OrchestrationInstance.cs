namespace LinX.Core.Orchestration;

/// <summary>Runtime status of an instance; the values of Durable Task's <c>OrchestrationRuntimeStatus</c>.</summary>
public enum OrchestrationStatus
{
    Running = 0,
    Completed = 1,
    ContinuedAsNew = 2,
    Failed = 3,
    Canceled = 4,
    Terminated = 5,
    Pending = 6,
    Suspended = 7,
}

/// <summary>What a client can read of an instance; mirrors Durable Task's <c>OrchestrationMetadata</c>.</summary>
public sealed record OrchestrationInstance(
    string Name,
    string InstanceId,
    OrchestrationStatus RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string? SerializedInput,
    string? SerializedOutput,
    string? SerializedCustomStatus,
    FailureDetails? FailureDetails)
{
    public bool IsRunning => RuntimeStatus is OrchestrationStatus.Running or OrchestrationStatus.Pending or OrchestrationStatus.Suspended;

    public bool IsCompleted => RuntimeStatus is OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled;
}
