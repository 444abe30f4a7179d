using System.Text.Json.Serialization;

namespace LinX.Core.Webhooks;

/// <summary>Whether a subscription receives events.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookSubscriptionState>))]
public enum WebhookSubscriptionState
{
    [JsonStringEnumMemberName("ACTIVE")] Active,
    [JsonStringEnumMemberName("SUSPENDED")] Suspended,
}

/// <summary>
/// A business's webhook endpoint. The signing secrets are kept only encrypted (<see cref="EncryptedSecret"/>, bound to
/// the subscription id): LinX must recover them to sign, so they cannot be hashed.
/// </summary>
public sealed record WebhookSubscription
{
    public required Guid SubscriptionId { get; init; }

    public required Guid BusinessId { get; init; }

    public required Uri Url { get; init; }

    public required IReadOnlyList<string> EventTypes { get; init; }

    public string? Description { get; init; }

    public required WebhookSubscriptionState State { get; init; }

    public required string EncryptedSecret { get; init; }

    /// <summary>The secret before the last rotation, still signing (as a second <c>v1</c>) until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousEncryptedSecret { get; init; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public bool Receives(string eventType) => State == WebhookSubscriptionState.Active && EventTypes.Contains(eventType, StringComparer.Ordinal);
}
