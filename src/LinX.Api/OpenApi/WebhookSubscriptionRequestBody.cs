using System.ComponentModel.DataAnnotations;
using LinX.Core.Webhooks;

namespace LinX.Api.OpenApi;

/// <summary>The body of create and update of a webhook subscription.</summary>
/// <remarks>For the OpenAPI document only: <see cref="WebhookSubscriptionRequest.Parse"/> reads the body, reporting every problem.</remarks>
/// <param name="Url">Where LinX posts the events: an absolute https URL on a public address.</param>
/// <param name="EventTypes">The event types to receive, at least one; a duplicate counts once.</param>
public sealed record WebhookSubscriptionRequestBody(Uri Url, IReadOnlyList<string> EventTypes)
{
    /// <summary>What the subscription is for.</summary>
    [MaxLength(WebhookSubscriptionRequest.MaxDescriptionLength)]
    public string? Description { get; init; }
}
