namespace LinX.Core.Workflows;

/// <summary>A reason for a money movement, as served at <c>GET /api/linx/payment-reasons</c>.</summary>
/// <param name="Id">The stable id a request names in <c>paymentReasonId</c>.</param>
/// <param name="DisplayName">What the customer and the business see.</param>
public sealed record PaymentReason(string Id, string DisplayName);
