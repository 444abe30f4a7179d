using LinX.Core.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace LinX.Functions.Orchestration;

/// <summary>
/// <see cref="IOrchestrationClient"/> over Durable Functions' <see cref="DurableTaskClient"/> (the one a
/// <c>[DurableClient]</c> binding hands a function), member for member.
/// </summary>
public sealed class DurableTaskClientAdapter : IOrchestrationClient
{
    private readonly DurableTaskClient _client;

    public DurableTaskClientAdapter(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    public async Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName, object? input, string instanceId, CancellationToken cancellationToken = default)
    {
        // The Azure Storage backend re-creates an instance whose id exists in a terminal state, and a retried
        // create must never restart a finished workflow: an existing id is the idempotent answer.
        if (await _client.GetInstanceAsync(instanceId, false, cancellationToken) is { } existing)
        {
            return existing.InstanceId;
        }

        return await _client.ScheduleNewOrchestrationInstanceAsync(
            orchestratorName, input, new StartOrchestrationOptions(InstanceId: instanceId), cancellationToken);
    }

    public async Task<OrchestrationInstance?> GetInstanceAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        var metadata = await _client.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken);
        return metadata is null ? null : ToInstance(metadata);
    }

    public Task RaiseEventAsync(
        string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default) =>
        _client.RaiseEventAsync(instanceId, eventName, eventPayload, cancellationToken);

    public Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default) =>
        _client.TerminateInstanceAsync(instanceId, output, cancellationToken);

    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var result = await _client.PurgeInstanceAsync(instanceId, options: null, cancellation: cancellationToken);
        return result.PurgedInstanceCount > 0;
    }

    private static OrchestrationInstance ToInstance(OrchestrationMetadata metadata) =>
        new(
            metadata.Name,
            metadata.InstanceId,
            // OrchestrationStatus has OrchestrationRuntimeStatus's values one for one (the cast also avoids
            // naming its obsolete members).
            (OrchestrationStatus)(int)metadata.RuntimeStatus,
            metadata.CreatedAt,
            metadata.LastUpdatedAt,
            metadata.SerializedInput,
            metadata.SerializedOutput,
            metadata.SerializedCustomStatus,
            metadata.FailureDetails is { } failure
                ? new FailureDetails(failure.ErrorType, failure.ErrorMessage, failure.StackTrace)
                : null);
}
