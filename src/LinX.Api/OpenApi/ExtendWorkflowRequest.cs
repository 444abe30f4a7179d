using System.ComponentModel.DataAnnotations;
using LinX.Core.Workflows;

namespace LinX.Api.OpenApi;

/// <summary>The body of extend: exactly one of <c>expireAt</c> or <c>hours</c>.</summary>
/// <remarks>For the OpenAPI document only: the handler's own reader (<c>ExtendRequest</c>) reports every problem.</remarks>
public sealed record ExtendWorkflowRequest
{
    /// <summary>The new expiry: an ISO 8601 date and time with offset, later than the current one and at most 365 days after creation.</summary>
    public DateTimeOffset? ExpireAt { get; init; }

    /// <summary>Hours to add to the current expiry.</summary>
    [Range(WorkflowLimits.MinExpireInHours, WorkflowLimits.MaxExpireInHours)]
    public int? Hours { get; init; }
}
