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

    /// <summary>
    /// The secrets that sign a request at <paramref name="now"/>: the current one, and the previous one while its
    /// overlap after a rotation lasts (the receiver may still verify with it).
    /// </summary>
    public static IReadOnlyList<string> SigningSecrets(LinXCrypto crypto, WebhookSubscription subscription, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(crypto);
        ArgumentNullException.ThrowIfNull(subscription);
        var current = crypto.Decrypt(subscription.EncryptedSecret, Context(subscription.SubscriptionId));
        return subscription is { PreviousEncryptedSecret: { } previous, PreviousSecretExpiresAt: { } until } && now < until
            ? [current, crypto.Decrypt(previous, Context(subscription.SubscriptionId))]
            : [current];
    }

    private static string Context(Guid subscriptionId) => "webhook-secret:" + subscriptionId.ToString("D");
}
