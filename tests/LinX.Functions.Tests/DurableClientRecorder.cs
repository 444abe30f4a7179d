using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;

namespace LinX.Functions.Tests;

/// <summary>An orchestration a function scheduled.</summary>
public sealed record ScheduledOrchestration(TaskName Name, object? Input, StartOrchestrationOptions? Options);

/// <summary>An event a function raised.</summary>
public sealed record RaisedEvent(string InstanceId, string EventName, object? Payload);

/// <summary>
/// A function invocation's Durable client (<see cref="BoundClient"/>, the binding's own type) over a strict mock of the
/// connection behind it: a test allows exactly the calls it expects, and sees what was scheduled and raised.
/// </summary>
public sealed class DurableClientRecorder
{
    private readonly List<ScheduledOrchestration> _scheduled = [];
    private readonly List<RaisedEvent> _raised = [];

    public DurableClientRecorder() => BoundClient = DurableBinding.Wrap(Backend.Object);

    public Mock<DurableTaskClient> Backend { get; } = new(MockBehavior.Strict, "linx");

    public DurableTaskClient BoundClient { get; }

    public IReadOnlyList<ScheduledOrchestration> Scheduled => _scheduled;

    public IReadOnlyList<RaisedEvent> Raised => _raised;

    /// <summary>Schedules succeed (the instance id is the one asked for).</summary>
    public DurableClientRecorder AcceptsSchedules()
    {
        Backend
            .Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((TaskName name, object? input, StartOrchestrationOptions? options, CancellationToken _) =>
            {
                _scheduled.Add(new ScheduledOrchestration(name, input, options));
                return Task.FromResult(options?.InstanceId ?? Guid.NewGuid().ToString("N"));
            });
        return this;
    }

    /// <summary>Events are accepted.</summary>
    public DurableClientRecorder AcceptsEvents()
    {
        Backend
            .Setup(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Returns((string instanceId, string eventName, object? payload, CancellationToken _) =>
            {
                _raised.Add(new RaisedEvent(instanceId, eventName, payload));
                return Task.CompletedTask;
            });
        return this;
    }

    /// <summary>Events are refused as Durable Functions refuses them for an instance that has ended.</summary>
    public DurableClientRecorder RefusesEvents()
    {
        Backend
            .Setup(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(StatusCode.FailedPrecondition, "The instance has completed.")));
        return this;
    }

    /// <summary>No instance exists (what a dispatcher's first kick finds).</summary>
    public DurableClientRecorder KnowsNoInstances()
    {
        Backend
            .Setup(c => c.GetInstancesAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((OrchestrationMetadata?)null);
        return this;
    }
}
