namespace LinX.Core.Webhooks;

/// <summary>The names the webhook activities are registered and called by.</summary>
public static class WebhookActivityNames
{
    public const string LoadPendingWebhooks = nameof(LoadPendingWebhooks);
    public const string DeliverWebhook = nameof(DeliverWebhook);
    public const string FailWebhookDelivery = nameof(FailWebhookDelivery);
}
