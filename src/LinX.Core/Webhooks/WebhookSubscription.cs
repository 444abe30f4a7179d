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
/// A business's webhook endpoint. The signing secret is kept only encrypted (<see cref="EncryptedSecret"/>, bound to
/// the subscription id): LinX must recover it to sign, so it cannot be hashed.
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

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public bool Receives(string eventType) => State == WebhookSubscriptionState.Active && EventTypes.Contains(eventType, StringComparer.Ordinal);
}
