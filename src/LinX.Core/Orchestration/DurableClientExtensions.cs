using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace LinX.Core.Orchestration;

/// <summary>
/// The two ways LinX starts instances and the one way it signals them, on the Durable Task SDK's
/// <see cref="DurableTaskClient"/>, with the backend's refusals turned into answers instead of exceptions.
/// </summary>
public static class DurableClientExtensions
{
    private static readonly OrchestrationRuntimeStatus[] AnyStatus = [.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses];

    private static readonly OrchestrationRuntimeStatus[] NotFinished =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    /// <summary>
    /// Starts <paramref name="instanceId"/> unless an instance with that id exists in any state: a retried create never
    /// restarts a workflow, finished or not. Concurrent calls start it once.
    /// </summary>
    public static Task ScheduleOnceAsync(
        this DurableTaskClient client, TaskName orchestrator, object input, string instanceId, CancellationToken cancellationToken) =>
        ScheduleAsync(client, orchestrator, input, instanceId, AnyStatus, cancellationToken);

    /// <summary>Starts <paramref name="instanceId"/> unless it is running; a finished instance of that id is replaced.</summary>
    public static Task ScheduleUnlessRunningAsync(
        this DurableTaskClient client, TaskName orchestrator, object input, string instanceId, CancellationToken cancellationToken) =>
        ScheduleAsync(client, orchestrator, input, instanceId, NotFinished, cancellationToken);

    /// <summary>
    /// Raises an event; false when the backend refuses it because the instance has ended or does not exist (Durable
    /// Functions answers so; the sidecar's Azure Storage backend would queue it and drop it unread).
    /// </summary>
    public static async Task<bool> TryRaiseEventAsync(
        this DurableTaskClient client, string instanceId, string eventName, object? payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);
            return true;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition or StatusCode.NotFound)
        {
            return false;
        }
    }

    private static async Task ScheduleAsync(
        DurableTaskClient client, TaskName orchestrator, object input, string instanceId, OrchestrationRuntimeStatus[] dedupe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                orchestrator, input, new StartOrchestrationOptions(instanceId).WithDedupeStatuses(dedupe), cancellationToken);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // The instance exists in a state that must not be replaced: the idempotent answer.
        }
    }
}
