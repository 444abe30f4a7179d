using LinX.Core.Orchestration;

namespace LinX.Core.Webhooks;

/// <summary>Marks a delivery FAILED when its retry window ran out (idempotent).</summary>
public sealed class FailWebhookDeliveryActivity : IActivity<FailWebhookDeliveryInput, bool>
{
    private readonly IWebhookDeliveryStore _deliveries;

    public FailWebhookDeliveryActivity(IWebhookDeliveryStore deliveries)
    {
        _deliveries = deliveries;
    }

    public async Task<bool> RunAsync(FailWebhookDeliveryInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await _deliveries.RecordAsync(input.SubscriptionId, input.EventId, null, WebhookDeliveryState.Failed, cancellationToken);
        return true;
    }
}
