namespace LinX.Core.Webhooks;

/// <summary>Error kinds recorded on attempts without a usable response.</summary>
public static class WebhookErrors
{
    public const string Timeout = "TIMEOUT";
    public const string Network = "NETWORK";
    public const string BlockedAddress = "BLOCKED_ADDRESS";
    public const string Redirect = "REDIRECT_NOT_FOLLOWED";
    public const string SubscriptionGone = "SUBSCRIPTION_GONE";
    public const string RetriesExhausted = "RETRIES_EXHAUSTED";
}
