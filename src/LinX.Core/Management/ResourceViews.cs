using LinX.Core.Accounts;
using LinX.Core.Common;
using LinX.Core.Customers;
using LinX.Core.Payments;
using LinX.Core.Workflows;

namespace LinX.Core.Management;

/// <summary>A customer as the business reads it (email and phone masked, no date of birth).</summary>
public sealed record CustomerView(
    Guid CustomerId, string FirstName, string LastName, string MaskedEmail, string? MaskedPhoneNumber,
    string City, string StateCode, string CountryCode, DateTimeOffset CreatedAt)
{
    public static CustomerView From(Customer customer) => new(
        customer.CustomerId, customer.FirstName, customer.LastName, Masking.Email(customer.Email), customer.MaskedPhoneNumber,
        customer.Address.City, customer.Address.StateCode, customer.Address.CountryCode, customer.CreatedAt);
}

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
}
