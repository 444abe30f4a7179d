using System.Text.Json.Serialization;
using LinX.Core.Orchestration;

namespace LinX.Durable.Orchestration;

internal enum MessageKind
{
    ExecutionStarted = 0,
    TaskCompleted = 1,
    TaskFailed = 2,
    TimerFired = 3,
    EventRaised = 4,
    Terminate = 5,
    ActivityRequest = 6,
}

/// <summary>A queue message: orchestration work on the control queue, an activity request on the work-item queue.</summary>
internal sealed record DurableMessage(
    [property: JsonPropertyName("k")] MessageKind Kind,
    [property: JsonPropertyName("i")] string InstanceId,
    [property: JsonPropertyName("m")] string Id)
{
    /// <summary>
    /// The execution the message belongs to; a message of a purged and re-created instance with the same
    /// id is dropped instead of completing the new execution's task of the same number.
    /// </summary>
    [JsonPropertyName("x")]
    public string? ExecutionId { get; init; }

    [JsonPropertyName("id")]
    public int? TaskId { get; init; }

    [JsonPropertyName("n")]
    public string? Name { get; init; }

    [JsonPropertyName("p")]
    public string? Payload { get; init; }

    [JsonPropertyName("f")]
    public FailureDetails? Failure { get; init; }

    [JsonPropertyName("at")]
    public DateTime? FireAt { get; init; }

    public static string NewId() => Guid.NewGuid().ToString("N");
}

/// <summary>A message an episode produced, kept in the instance row until sent (the outbox).</summary>
internal sealed record OutboxEntry(
    [property: JsonPropertyName("c")] bool ToControl,
    [property: JsonPropertyName("msg")] DurableMessage Message);

/// <summary>
/// A timer message in the control queue, with the receipt its send returned: enough to delete it once the
/// instance has ended, so timers that will never matter do not wait in the queue until they are due.
/// </summary>
internal sealed record PendingTimer(
    [property: JsonPropertyName("t")] int TaskId,
    [property: JsonPropertyName("m")] string MessageId,
    [property: JsonPropertyName("r")] string PopReceipt);
