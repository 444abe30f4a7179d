using System.Text.Json.Serialization;

namespace LinX.Core.Webhooks;

/// <summary>Where the delivery of one event to one subscription stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookDeliveryState>))]
public enum WebhookDeliveryState
{
    /// <summary>Not delivered yet (or redelivery requested); the dispatcher will attempt it.</summary>
    [JsonStringEnumMemberName("PENDING")] Pending,

    /// <summary>The receiver answered 2xx.</summary>
    [JsonStringEnumMemberName("DELIVERED")] Delivered,

    /// <summary>A permanent failure (4xx other than 429, redirect, blocked address) or retries ran out.</summary>
    [JsonStringEnumMemberName("FAILED")] Failed,
}

/// <summary>One attempt to deliver: when, the status code (null on timeout or network error), latency, error kind.</summary>
public sealed record WebhookAttempt(Guid AttemptId, DateTimeOffset At, int? StatusCode, long LatencyMs, string? Error);

/// <summary>
/// One event for one subscription: the exact body that is signed and sent (the envelope), its state and attempts.
/// <see cref="Sequence"/> orders the events of one workflow.
/// </summary>
public sealed record WebhookDelivery
{
    public required Guid SubscriptionId { get; init; }

    public required Guid EventId { get; init; }

    public required Guid BusinessId { get; init; }

    public required Guid WorkflowId { get; init; }

    public required long Sequence { get; init; }

    public required string EventType { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The envelope <c>{ id, type, createdAt, data }</c> as JSON; the signature covers exactly this text.</summary>
    public required string Body { get; init; }

    public required WebhookDeliveryState State { get; init; }

    public IReadOnlyList<WebhookAttempt> Attempts { get; init; } = [];

    public DateTimeOffset? DeliveredAt { get; init; }
}
