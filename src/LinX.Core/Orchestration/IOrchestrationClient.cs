namespace LinX.Core.Orchestration;

/// <summary>
/// Starts and manages orchestration instances; the members of
/// <c>Microsoft.DurableTask.Client.DurableTaskClient</c> that LinX uses, one to one.
/// </summary>
public interface IOrchestrationClient
{
    /// <summary>
    /// Starts an instance with the caller's id. Idempotent: scheduling an id that already exists
    /// starts nothing new and returns the id.
    /// </summary>
    Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName, object? input, string instanceId, CancellationToken cancellationToken = default);

    /// <summary>The instance's metadata, or null when no such instance exists.</summary>
    Task<OrchestrationInstance?> GetInstanceAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default);

    /// <summary>Raises an event; it is buffered until the orchestrator waits for it.</summary>
    Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default);

    /// <summary>Ends a running instance with status Terminated and the given output.</summary>
    Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a finished instance's state and history; false when there was nothing to purge.</summary>
    Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default);
}
