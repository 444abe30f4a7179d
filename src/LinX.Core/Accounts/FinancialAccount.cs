using LinX.Core.Workflows;

namespace LinX.Core.Accounts;

/// <summary>
/// A card or bank account. The number itself is never stored: only brand, last 4, expiry (cards), routing
/// number (banks), a keyed fingerprint of the number and the processor's opaque token.
/// </summary>
/// <remarks><c>CustomerId</c>: The owning customer, or null for an account of the business itself. <c>Expiry</c>: Card expiry as <c>yyyy-MM</c>; null for bank accounts.</remarks>
public sealed record FinancialAccount(
    Guid FinancialAccountId,
    Guid BusinessId,
    Guid? CustomerId,
    FinancialAccountSubType SubType,
    string? Brand,
    string Last4,
    string? Expiry,
    string? RoutingNumber,
    string Fingerprint,
    string? ProcessorToken,
    string HolderName,
    Guid? SourceWorkflowId,
    DateTimeOffset CreatedAt)
{
    public bool IsCard => SubType.IsCard();
}
