namespace LinX.Api.OpenApi;

/// <summary>The body of a business's <c>raiseEvent</c> on the Durable management API.</summary>
/// <remarks>For the OpenAPI document only: the part of the orchestrator's event a business may send, which the endpoint reads itself.</remarks>
/// <param name="Kind">Cancel, Resend, or Extend (with newExpireAt): the customer's events are not the business's to raise.</param>
public sealed record WorkflowEventRequest(string Kind)
{
    /// <summary>With Extend: the new expiry, UTC.</summary>
    public DateTime? NewExpireAt { get; init; }
}
