using System.Collections.Concurrent;
using LinX.Core.Orchestration;

namespace LinX.Infrastructure.Tests.Support;

/// <summary>An orchestration client that records what the services schedule and raise (no runtime behind it).</summary>
internal sealed class RecordingOrchestrationClient : IOrchestrationClient
{
    public ConcurrentQueue<(string Name, object? Input, string InstanceId)> Scheduled { get; } = new();

    public ConcurrentQueue<(string InstanceId, string EventName, object? Payload)> Raised { get; } = new();

    /// <summary>Where raised events go besides the record, e.g. an <see cref="InlineOrchestration"/>.</summary>
    public Action<string, object?>? OnRaised { get; set; }

    public Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input, string instanceId, CancellationToken cancellationToken = default)
    {
        Scheduled.Enqueue((orchestratorName, input, instanceId));
        return Task.FromResult(instanceId);
    }

    public Task<OrchestrationInstance?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        Task.FromResult<OrchestrationInstance?>(null);

    public Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        Raised.Enqueue((instanceId, eventName, eventPayload));
        OnRaised?.Invoke(instanceId, eventPayload);
        return Task.CompletedTask;
    }

    public Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) => Task.FromResult(false);
}
