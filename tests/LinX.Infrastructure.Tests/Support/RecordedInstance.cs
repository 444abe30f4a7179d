using Microsoft.DurableTask.Client;

namespace LinX.Infrastructure.Tests.Support;

/// <summary>
/// An instance as <see cref="RecordingDurableTaskClient"/> keeps it. <see cref="Generation"/> counts the starts of
/// this id: 1 for the first, and one more each time a finished (or not deduplicated) instance is replaced.
/// </summary>
internal sealed record RecordedInstance(
    string Name, string InstanceId, object? Input, OrchestrationRuntimeStatus Status, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt, int Generation)
{
    public bool IsFinished => Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    public OrchestrationMetadata ToMetadata() => new(Name, InstanceId)
    {
        RuntimeStatus = Status,
        CreatedAt = CreatedAt,
        LastUpdatedAt = LastUpdatedAt,
    };
}
