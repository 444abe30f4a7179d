namespace LinX.Core.Webhooks;

/// <summary>The delivery log: one row per (subscription, event), partitioned by subscription.</summary>
public interface IWebhookDeliveryStore
{
    /// <summary>Adds the delivery if absent (idempotent: an existing row, whatever its state, is left alone).</summary>
    Task AddIfAbsentAsync(WebhookDelivery delivery, CancellationToken cancellationToken);

    Task<WebhookDelivery?> GetAsync(Guid subscriptionId, Guid eventId, CancellationToken cancellationToken);

    /// <summary>
    /// The subscription's deliveries, newest first, at most <paramref name="max"/>, without their
    /// <see cref="WebhookDelivery.Body"/> (read one with <see cref="GetAsync"/>). Costs what it returns, not the log's size.
    /// </summary>
    Task<IReadOnlyList<WebhookDelivery>> ListAsync(Guid subscriptionId, int max, CancellationToken cancellationToken);

    /// <summary>
    /// The pending deliveries of one workflow (or of every workflow) for a subscription, in sequence order per workflow.
    /// Costs what it returns, not the log's size.
    /// </summary>
    Task<IReadOnlyList<PendingWebhookDelivery>> ListPendingAsync(Guid subscriptionId, Guid? workflowId, CancellationToken cancellationToken);

    /// <summary>
    /// Records an attempt (once per attempt id) and the new state; re-reads and retries on a concurrent change.
    /// </summary>
    Task RecordAsync(Guid subscriptionId, Guid eventId, WebhookAttempt? attempt, WebhookDeliveryState state, CancellationToken cancellationToken);
}

/// <summary>A delivery still to be attempted: which event, of which workflow, in what order.</summary>
public sealed record PendingWebhookDelivery(Guid EventId, Guid WorkflowId, long Sequence);
