using LinX.Core.Orchestration;

namespace LinX.Core.Webhooks;

/// <summary>Reads the pending deliveries of a (subscription, workflow) in order; nothing when the subscription is suspended or gone.</summary>
public sealed class LoadPendingWebhooksActivity : IActivity<PendingWebhooksInput, PendingWebhooksOutput>
{
    private readonly IWebhookSubscriptionStore _subscriptions;
    private readonly IWebhookDeliveryStore _deliveries;

    public LoadPendingWebhooksActivity(IWebhookSubscriptionStore subscriptions, IWebhookDeliveryStore deliveries)
    {
        _subscriptions = subscriptions;
        _deliveries = deliveries;
    }

    public async Task<PendingWebhooksOutput> RunAsync(PendingWebhooksInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var subscription = await _subscriptions.GetAsync(input.BusinessId, input.SubscriptionId, cancellationToken);
        if (subscription is not { State: WebhookSubscriptionState.Active })
        {
            return new PendingWebhooksOutput(false, []);
        }

        var pending = await _deliveries.ListPendingAsync(input.SubscriptionId, input.WorkflowId, cancellationToken);
        return new PendingWebhooksOutput(true, [.. pending.Select(d => d.EventId)]);
    }
}
