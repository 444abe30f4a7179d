using Microsoft.Extensions.Logging;

namespace LinX.Core.Orchestration;

/// <summary>
/// The Durable Task programming model that LinX orchestrators are written against. Members have the
/// names and semantics of <c>Microsoft.DurableTask.TaskOrchestrationContext</c>, so the Functions host
/// adapts it one to one and the embedded runtime (LinX.Durable) implements it over Azure Storage.
/// Orchestrator code must be deterministic: it takes time, ids and inputs only from this context.
/// </summary>
public interface IOrchestrationContext
{
    /// <summary>The id of the orchestration instance being run.</summary>
    string InstanceId { get; }

    /// <summary>Replay-safe current time: the time the current history event was recorded.</summary>
    DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the orchestrator is replaying events already in its history.</summary>
    bool IsReplaying { get; }

    /// <summary>A deterministic, replay-safe new id.</summary>
    Guid NewGuid();

    /// <summary>The orchestration's input, deserialized.</summary>
    T? GetInput<T>();

    /// <summary>Schedules an activity and returns its result; a failure surfaces as <see cref="ActivityFailedException"/>.</summary>
    Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ActivityOptions? options = null);

    /// <summary>Schedules an activity that returns nothing.</summary>
    Task CallActivityAsync(string name, object? input = null, ActivityOptions? options = null);

    /// <summary>A durable timer that completes at <paramref name="fireAt"/> (UTC) unless cancelled.</summary>
    Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>
    /// Waits for an external event raised with this name (case-insensitive). Events raised before the
    /// wait are buffered and delivered in order. Cancelling the token abandons the wait.
    /// </summary>
    Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Sets a JSON-serializable status visible to clients (at most 16 KB serialized).</summary>
    void SetCustomStatus(object? customStatus);

    /// <summary>A logger that writes nothing while the orchestrator replays.</summary>
    ILogger CreateReplaySafeLogger<T>();
}
