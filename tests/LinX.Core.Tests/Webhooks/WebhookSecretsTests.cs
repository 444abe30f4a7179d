using LinX.Core.Security;
using LinX.Core.Tests.Security;
using LinX.Core.Webhooks;

namespace LinX.Core.Tests.Webhooks;

public sealed class WebhookSecretsTests
{
    private static readonly DateTimeOffset RotatedAt = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly LinXCrypto _crypto = TestCrypto.Create();

    [Fact]
    public void SigningSecrets_AfterRotation_NewThenOldUntilTheOverlapEnds_ThenOnlyNew()
    {
        // Arrange
        var id = Guid.NewGuid();
        var (current, previous) = (WebhookSignature.NewSecret(), WebhookSignature.NewSecret());
        var subscription = Subscription(id, current) with
        {
            PreviousEncryptedSecret = WebhookSecrets.Encrypt(_crypto, id, previous),
            PreviousSecretExpiresAt = RotatedAt + WebhookSubscriptionService.SecretOverlap,
        };

        // Act
        var during = WebhookSecrets.SigningSecrets(_crypto, subscription, RotatedAt.AddHours(23));
        var after = WebhookSecrets.SigningSecrets(_crypto, subscription, RotatedAt.AddHours(24));

        // Assert
        Assert.Equal([current, previous], during);
        Assert.Equal([current], after);
    }

    [Fact]
    public void SigningSecrets_NeverRotated_OnlyTheSecret()
    {
        var id = Guid.NewGuid();
        var secret = WebhookSignature.NewSecret();

        Assert.Equal([secret], WebhookSecrets.SigningSecrets(_crypto, Subscription(id, secret), RotatedAt));
    }

    private WebhookSubscription Subscription(Guid id, string secret) => new()
    {
        SubscriptionId = id,
        BusinessId = Guid.NewGuid(),
        Url = new Uri("https://hooks.example.com/linx"),
        EventTypes = [WebhookEventTypes.WorkflowCompleted],
        State = WebhookSubscriptionState.Active,
        EncryptedSecret = WebhookSecrets.Encrypt(_crypto, id, secret),
        CreatedAt = RotatedAt.AddDays(-1),
        UpdatedAt = RotatedAt,
    };
}
