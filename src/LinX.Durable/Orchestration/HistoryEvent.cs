using System.Text.Json.Serialization;
using LinX.Core.Orchestration;

namespace LinX.Durable.Orchestration;

internal enum HistoryEventType
{
    OrchestratorStarted = 0,
    ExecutionStarted = 1,
    TaskScheduled = 2,
    TaskCompleted = 3,
    TaskFailed = 4,
    TimerCreated = 5,
    TimerFired = 6,
    EventRaised = 7,
    ExecutionCompleted = 8,
    ExecutionFailed = 9,
    ExecutionTerminated = 10,
}

/// <summary>
/// One event of an instance's history. Short JSON names because every episode appends a row of them
/// and replay reads them all back.
/// </summary>
internal sealed record HistoryEvent(
    [property: JsonPropertyName("k")] HistoryEventType Type)
{
    /// <summary>Episode time (OrchestratorStarted): the orchestrator's CurrentUtcDateTime.</summary>
    [JsonPropertyName("ts")]
    public DateTime? Timestamp { get; init; }

    /// <summary>Sequence number of the activity or timer the event is about.</summary>
    [JsonPropertyName("id")]
    public int? TaskId { get; init; }

    /// <summary>Activity or event name.</summary>
    [JsonPropertyName("n")]
    public string? Name { get; init; }

    /// <summary>Activity result or event payload (JSON).</summary>
    [JsonPropertyName("p")]
    public string? Payload { get; init; }

    [JsonPropertyName("f")]
    public FailureDetails? Failure { get; init; }

    [JsonPropertyName("at")]
    public DateTime? FireAt { get; init; }

    /// <summary>Id of the message that produced the event, so a redelivered message is not applied twice.</summary>
    [JsonPropertyName("m")]
    public string? MessageId { get; init; }
}
