using LinX.Core.Accounts;
using LinX.Core.Customers;
using LinX.Core.Payments;
using LinX.Core.Workflows;

namespace LinX.Core.Management;

/// <summary>
/// A customer as its business reads it: in full, since the business owns the relationship (the phone number is null for
/// customers created before LinX kept it). Logs and orchestration history keep seeing it masked.
/// </summary>
public sealed record CustomerView(
    Guid CustomerId, string FirstName, string LastName, string Email, string? PhoneNumber, DateOnly DateOfBirth,
    PostalAddress Address, Guid? SourceWorkflowId, DateTimeOffset CreatedAt)
{
    public static CustomerView From(Customer customer) => new(
        customer.CustomerId, customer.FirstName, customer.LastName, customer.Email, customer.PhoneNumber, customer.DateOfBirth,
        customer.Address, customer.SourceWorkflowId, customer.CreatedAt);
}

/// <summary>A page of customers; pass <c>NextPageToken</c> as <c>pageToken</c> for the next one (null: the last page).</summary>
public sealed record CustomerListView(IReadOnlyList<CustomerView> Items, string? NextPageToken);

/// <summary>A financial account as the business reads it: never a number, only brand/last 4/expiry or routing/last 4.</summary>
public sealed record FinancialAccountView(
    Guid FinancialAccountId, Guid? CustomerId, FinancialAccountSubType SubType, string? Brand, string Last4,
    string? Expiry, string? RoutingNumber, string HolderName, DateTimeOffset CreatedAt)
{
    public static FinancialAccountView From(FinancialAccount account) => new(
        account.FinancialAccountId, account.CustomerId, account.SubType, account.Brand, account.Last4,
        account.Expiry, account.RoutingNumber, account.HolderName, account.CreatedAt);
}

/// <summary>A transaction as the business reads it.</summary>
public sealed record TransactionView(
    Guid TransactionId, Guid? WorkflowId, TransactionType TransactionType, PaymentSolution Solution, PaymentPriority Priority,
    decimal Amount, string Currency, Guid CustomerFinancialAccountId, Guid BaFinancialAccountId, string PaymentReasonId,
    string? Description, string? Memo, TransactionStatus Status, string? StatusReason, DateTimeOffset CreatedAt,
    DateTimeOffset? SettleAt, DateTimeOffset? SettledAt)
{
    public static TransactionView From(Transaction t) => new(
        t.TransactionId, t.WorkflowId, t.TransactionType, t.Solution, t.Priority, t.Amount, t.Currency,
        t.CustomerFinancialAccountId, t.BaFinancialAccountId, t.PaymentReasonId, t.Description, t.Memo,
        t.Status, t.StatusReason, t.CreatedAt, t.SettleAt, t.SettledAt);

    /// <summary>The customer's acceptance this transaction rests on (an ACH debit's authorisation word for word): null without one.</summary>
    public ConsentView? Acceptance { get; init; }
}
