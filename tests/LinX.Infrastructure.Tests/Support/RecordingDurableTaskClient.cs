using System.Collections.Concurrent;
using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace LinX.Infrastructure.Tests.Support;

/// <summary>
/// A <see cref="DurableTaskClient"/> with no engine behind it: it records what the services schedule and raise and
/// keeps each instance's status. Starts follow the SDK's dedupe contract: an id that exists in one of the request's
/// dedupe statuses throws <see cref="OrchestrationAlreadyExistsException"/>, otherwise the instance is replaced.
/// Events follow the strictest backend (Durable Functions): one for an unknown instance is refused with
/// <see cref="StatusCode.NotFound"/>, for a finished one with <see cref="StatusCode.FailedPrecondition"/>. Tests move
/// instances with <see cref="SetStatus"/> and <see cref="Forget"/>. Members LinX does not use throw.
/// </summary>
internal sealed class RecordingDurableTaskClient(TimeProvider time) : DurableTaskClient("recording")
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RecordedInstance> _instances = [];
    private readonly Dictionary<string, Action<string, object?>> _sinks = [];

    /// <summary>Every start request, in order, including the ones refused because the instance exists.</summary>
    public ConcurrentQueue<ScheduleRequest> Scheduled { get; } = new();

    /// <summary>Every event the backend accepted, in order.</summary>
    public ConcurrentQueue<RaisedEvent> Raised { get; } = new();

    /// <summary>Every event the backend refused, with the status code it answered.</summary>
    public ConcurrentQueue<(string InstanceId, StatusCode Code)> Refused { get; } = new();

    /// <summary>Runs before each event is looked at: lets a test end an instance between a read and a raise.</summary>
    public Action<string>? BeforeRaise { get; set; }

    /// <summary>The instances that exist now.</summary>
    public IReadOnlyList<RecordedInstance> Instances
    {
        get
        {
            lock (_lock)
            {
                return [.. _instances.Values];
            }
        }
    }

    /// <summary>Where accepted events for <paramref name="instanceId"/> go besides the record (an <see cref="InlineOrchestration"/>).</summary>
    public void Attach(string instanceId, Action<string, object?> sink)
    {
        lock (_lock)
        {
            _sinks[instanceId] = sink;
        }
    }

    /// <summary>Moves an existing instance to <paramref name="status"/>, as the engine would when it runs or ends.</summary>
    public void SetStatus(string instanceId, OrchestrationRuntimeStatus status)
    {
        lock (_lock)
        {
            _instances[instanceId] = _instances[instanceId] with { Status = status, LastUpdatedAt = time.GetUtcNow() };
        }
    }

    /// <summary>Removes an instance, as a purge would (or as if its start had been lost).</summary>
    public void Forget(string instanceId)
    {
        lock (_lock)
        {
            _instances.Remove(instanceId);
        }
    }

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var instanceId = options?.InstanceId ?? throw new NotSupportedException("LinX always names its instances.");
        var dedupe = ParseDedupe(options.DedupeStatuses ?? throw new NotSupportedException("LinX always states the dedupe statuses."));
        lock (_lock)
        {
            Scheduled.Enqueue(new ScheduleRequest(orchestratorName.Name, input, instanceId));
            _instances.TryGetValue(instanceId, out var existing);
            if (existing is not null && dedupe.Contains(existing.Status))
            {
                throw new OrchestrationAlreadyExistsException($"An orchestration with id '{instanceId}' exists ({existing.Status}).");
            }

            var now = time.GetUtcNow();
            _instances[instanceId] = new RecordedInstance(
                orchestratorName.Name, instanceId, input, OrchestrationRuntimeStatus.Pending, now, now, (existing?.Generation ?? 0) + 1);
        }

        return Task.FromResult(instanceId);
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        BeforeRaise?.Invoke(instanceId);
        Action<string, object?>? sink;
        lock (_lock)
        {
            var code = !_instances.TryGetValue(instanceId, out var instance) ? StatusCode.NotFound
                : instance.IsFinished ? StatusCode.FailedPrecondition
                : StatusCode.OK;
            if (code != StatusCode.OK)
            {
                Refused.Enqueue((instanceId, code));
                throw new RpcException(new Status(code, $"The orchestration '{instanceId}' does not take events."));
            }

            Raised.Enqueue(new RaisedEvent(instanceId, eventName, eventPayload));
            _sinks.TryGetValue(instanceId, out sink);
        }

        sink?.Invoke(eventName, eventPayload);
        return Task.CompletedTask;
    }

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_instances.TryGetValue(instanceId, out var instance) ? instance.ToMetadata() : null);
        }
    }

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => throw new NotSupportedException();

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The request's statuses, checked as the gRPC client and the backends check them.</summary>
    private static HashSet<OrchestrationRuntimeStatus> ParseDedupe(IReadOnlyList<string> names)
    {
        var statuses = names.Select(n => Enum.Parse<OrchestrationRuntimeStatus>(n, ignoreCase: true)).ToHashSet();
        if (statuses.Contains(OrchestrationRuntimeStatus.Terminated)
            && !statuses.IsSupersetOf([OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended]))
        {
            throw new ArgumentException("Dedupe statuses with Terminated must not allow a running instance to be replaced.", nameof(names));
        }

        return statuses;
    }
}

/// <summary>One call of <see cref="DurableTaskClient.ScheduleNewOrchestrationInstanceAsync(TaskName, object, StartOrchestrationOptions, CancellationToken)"/>.</summary>
internal sealed record ScheduleRequest(string Name, object? Input, string InstanceId);

/// <summary>One accepted event.</summary>
internal sealed record RaisedEvent(string InstanceId, string EventName, object? Payload);
