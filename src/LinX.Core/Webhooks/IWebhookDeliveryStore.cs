namespace LinX.Core.Webhooks;

/// <summary>The delivery log: one row per (subscription, event), partitioned by subscription.</summary>
public interface IWebhookDeliveryStore
{
    /// <summary>Adds the delivery if absent (idempotent: an existing row, whatever its state, is left alone).</summary>
    Task AddIfAbsentAsync(WebhookDelivery delivery, CancellationToken cancellationToken);

    Task<WebhookDelivery?> GetAsync(Guid subscriptionId, Guid eventId, CancellationToken cancellationToken);

    /// <summary>The subscription's deliveries, newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListAsync(Guid subscriptionId, int max, CancellationToken cancellationToken);

    /// <summary>The pending deliveries of one workflow for a subscription, in sequence order.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListPendingAsync(Guid subscriptionId, Guid? workflowId, CancellationToken cancellationToken);

    /// <summary>
    /// Records an attempt (once per attempt id) and the new state; re-reads and retries on a concurrent change.
    /// </summary>
    Task RecordAsync(Guid subscriptionId, Guid eventId, WebhookAttempt? attempt, WebhookDeliveryState state, CancellationToken cancellationToken);
}
