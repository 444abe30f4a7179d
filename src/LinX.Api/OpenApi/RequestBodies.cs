using System.ComponentModel.DataAnnotations;
using LinX.Core.Webhooks;
using LinX.Core.Workflows;

namespace LinX.Api.OpenApi;

// The shapes of the bodies whose handlers read them by hand (with every problem reported), for the OpenAPI document
// only: the readers stay the contract's one implementation, these records describe what they accept.

/// <summary>The body of extend: exactly one of <c>expireAt</c> or <c>hours</c>.</summary>
public sealed record ExtendWorkflowRequest
{
    /// <summary>The new expiry: an ISO 8601 date and time with offset, later than the current one and at most 365 days after creation.</summary>
    public DateTimeOffset? ExpireAt { get; init; }

    /// <summary>Hours to add to the current expiry.</summary>
    [Range(WorkflowLimits.MinExpireInHours, WorkflowLimits.MaxExpireInHours)]
    public int? Hours { get; init; }
}

/// <summary>The body of create and update of a webhook subscription.</summary>
/// <param name="Url">Where LinX posts the events: an absolute https URL on a public address.</param>
/// <param name="EventTypes">The event types to receive, at least one; a duplicate counts once.</param>
public sealed record WebhookSubscriptionRequestBody(Uri Url, IReadOnlyList<string> EventTypes)
{
    /// <summary>What the subscription is for.</summary>
    [MaxLength(WebhookSubscriptionRequest.MaxDescriptionLength)]
    public string? Description { get; init; }
}

/// <summary>The body of a business's <c>raiseEvent</c> on the Durable management API.</summary>
/// <param name="Kind">Cancel, Resend, or Extend (with newExpireAt): the customer's events are not the business's to raise.</param>
public sealed record WorkflowEventRequest(string Kind)
{
    /// <summary>With Extend: the new expiry, UTC.</summary>
    public DateTime? NewExpireAt { get; init; }
}
