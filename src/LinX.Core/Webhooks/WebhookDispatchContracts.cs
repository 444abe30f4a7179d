using System.Text.Json.Serialization;

namespace LinX.Core.Webhooks;

/// <summary>Input of <see cref="WebhookDispatchOrchestration"/>: one subscription, one workflow, and the retry schedule.</summary>
public sealed record WebhookDispatchInput(
    Guid BusinessId, Guid SubscriptionId, Guid WorkflowId, TimeSpan FirstRetryDelay, TimeSpan MaxRetryDelay, TimeSpan RetryWindow, TimeSpan IdleTimeout);

/// <summary>Input of the activities that read a subscription's pending deliveries of one workflow.</summary>
public sealed record PendingWebhooksInput(Guid BusinessId, Guid SubscriptionId, Guid WorkflowId);

/// <summary>The pending event ids in order; <see cref="Active"/> is false when the subscription is suspended or gone.</summary>
public sealed record PendingWebhooksOutput(bool Active, IReadOnlyList<Guid> EventIds);

/// <summary>One attempt; <see cref="AttemptId"/> (from the orchestrator) makes recording it idempotent.</summary>
public sealed record DeliverWebhookInput(Guid BusinessId, Guid SubscriptionId, Guid EventId, Guid AttemptId);

/// <summary>How an attempt ended for the dispatcher.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookAttemptOutcome>))]
public enum WebhookAttemptOutcome
{
    Delivered,
    Retry,
    Permanent,
    Suspended,
}

/// <summary>The outcome and, for a retry, the receiver's Retry-After.</summary>
public sealed record DeliverWebhookOutput(WebhookAttemptOutcome Outcome, TimeSpan? RetryAfter);

/// <summary>Marks a delivery FAILED once its retry window is over.</summary>
public sealed record FailWebhookDeliveryInput(Guid SubscriptionId, Guid EventId);
