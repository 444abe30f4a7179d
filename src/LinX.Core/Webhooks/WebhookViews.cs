using System.Text.Json.Serialization;

namespace LinX.Core.Webhooks;

/// <summary>
/// A subscription as the business sees it; <see cref="Secret"/> only in the answers of create and rotate-secret,
/// <see cref="PreviousSecretExpiresAt"/> after a rotation (until then the old secret signs too).
/// </summary>
public sealed record WebhookSubscriptionView(
    Guid Id,
    string Url,
    IReadOnlyList<string> EventTypes,
    string? Description,
    WebhookSubscriptionState Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PreviousSecretExpiresAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret = null)
{
    public static WebhookSubscriptionView From(WebhookSubscription s, string? secret = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(
            s.SubscriptionId, s.Url.OriginalString, s.EventTypes, s.Description, s.State, s.CreatedAt, s.UpdatedAt,
            s.PreviousEncryptedSecret is null ? null : s.PreviousSecretExpiresAt, secret);
    }
}

/// <summary>One attempt in the delivery log.</summary>
public sealed record WebhookAttemptView(DateTimeOffset At, int? StatusCode, long LatencyMs, string? Error);

/// <summary>One event's delivery to a subscription, with its attempts (oldest first).</summary>
public sealed record WebhookDeliveryView(
    Guid EventId,
    string EventType,
    Guid WorkflowId,
    DateTimeOffset CreatedAt,
    WebhookDeliveryState Status,
    int AttemptCount,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<WebhookAttemptView> Attempts)
{
    public static WebhookDeliveryView From(WebhookDelivery d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.EventId, d.EventType, d.WorkflowId, d.CreatedAt, d.State, d.Attempts.Count, d.DeliveredAt,
            [.. d.Attempts.Select(a => new WebhookAttemptView(a.At, a.StatusCode, a.LatencyMs, a.Error))]);
    }
}

/// <summary>The answer to a redelivery request.</summary>
public sealed record WebhookRedeliveryAccepted(Guid EventId, WebhookDeliveryState Status);
