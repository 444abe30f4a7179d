namespace LinX.Core.Webhooks;

/// <summary>Webhook subscriptions, partitioned by business (tenant isolation).</summary>
public interface IWebhookSubscriptionStore
{
    Task<WebhookSubscription?> GetAsync(Guid businessId, Guid subscriptionId, CancellationToken cancellationToken);

    /// <summary>The business's subscriptions, oldest first.</summary>
    Task<IReadOnlyList<WebhookSubscription>> ListAsync(Guid businessId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the subscription.</summary>
    Task UpsertAsync(WebhookSubscription subscription, CancellationToken cancellationToken);

    /// <summary>False when there was nothing to delete.</summary>
    Task<bool> DeleteAsync(Guid businessId, Guid subscriptionId, CancellationToken cancellationToken);
}
