using LinX.Core.Orchestration;
using LinX.Durable.Orchestration;
using LinX.Durable.Storage;
using LinX.Durable.Worker;

namespace LinX.Durable.Client;

/// <summary><see cref="IOrchestrationClient"/> over the task hub's table and control queue.</summary>
public sealed class DurableOrchestrationClient : IOrchestrationClient
{
    private readonly TaskHubStorage _storage;
    private readonly DurableSignals _signals;
    private readonly TimeProvider _time;

    internal DurableOrchestrationClient(TaskHubStorage storage, DurableSignals signals, TimeProvider time)
    {
        _storage = storage;
        _signals = signals;
        _time = time;
    }

    public async Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName, object? input, string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        InstanceKey.Validate(instanceId);
        await _storage.EnsureCreatedAsync(cancellationToken);
        var now = _time.GetUtcNow();
        var state = new InstanceState
        {
            InstanceId = instanceId,
            Name = orchestratorName,
            ExecutionId = DurableMessage.NewId(),
            Status = OrchestrationStatus.Pending,
            Input = DurableJson.Serialize(input),
            CreatedAt = now,
            LastUpdatedAt = now,
        };

        if (!await _storage.TryCreateAsync(state, cancellationToken))
        {
            // Idempotent: the instance exists. If it never started (the caller died between the row and the
            // message), start it now; a second start message is dropped by the worker.
            var existing = await _storage.ReadInstanceAsync(instanceId, cancellationToken);
            if (existing is not { Status: OrchestrationStatus.Pending })
            {
                return instanceId;
            }

            state = existing;
        }

        await SendAsync(new DurableMessage(MessageKind.ExecutionStarted, instanceId, DurableMessage.NewId()) { ExecutionId = state.ExecutionId }, cancellationToken);
        return instanceId;
    }

    public async Task<OrchestrationInstance?> GetInstanceAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        InstanceKey.Validate(instanceId);
        await _storage.EnsureCreatedAsync(cancellationToken);
        var state = await _storage.ReadInstanceAsync(instanceId, cancellationToken);
        return state?.ToInstance(getInputsAndOutputs);
    }

    public Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        InstanceKey.Validate(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        return SendAsync(
            new DurableMessage(MessageKind.EventRaised, instanceId, DurableMessage.NewId()) { Name = eventName, Payload = DurableJson.Serialize(eventPayload) },
            cancellationToken);
    }

    public Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default)
    {
        InstanceKey.Validate(instanceId);
        return SendAsync(
            new DurableMessage(MessageKind.Terminate, instanceId, DurableMessage.NewId()) { Payload = DurableJson.Serialize(output) },
            cancellationToken);
    }

    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        InstanceKey.Validate(instanceId);
        await _storage.EnsureCreatedAsync(cancellationToken);
        return await _storage.PurgeAsync(instanceId, cancellationToken);
    }

    private async Task SendAsync(DurableMessage message, CancellationToken cancellationToken)
    {
        await _storage.EnsureCreatedAsync(cancellationToken);
        await _storage.SendAsync(new OutboxEntry(true, message), cancellationToken);
        _signals.Control.Set();
    }
}
