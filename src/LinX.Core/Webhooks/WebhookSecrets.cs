using LinX.Core.Security;

namespace LinX.Core.Webhooks;

/// <summary>Encrypts signing secrets with the data key, bound to the subscription id (a row copied elsewhere will not decrypt).</summary>
public static class WebhookSecrets
{
    public static string Encrypt(LinXCrypto crypto, Guid subscriptionId, string secret)
    {
        ArgumentNullException.ThrowIfNull(crypto);
        return crypto.Encrypt(secret, Context(subscriptionId));
    }

    public static string Decrypt(LinXCrypto crypto, WebhookSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(crypto);
        ArgumentNullException.ThrowIfNull(subscription);
        return crypto.Decrypt(subscription.EncryptedSecret, Context(subscription.SubscriptionId));
    }

    private static string Context(Guid subscriptionId) => "webhook-secret:" + subscriptionId.ToString("D");
}
