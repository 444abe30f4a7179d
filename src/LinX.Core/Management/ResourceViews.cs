using LinX.Core.Accounts;
using LinX.Core.Customers;
using LinX.Core.Payments;
using LinX.Core.Workflows;

namespace LinX.Core.Management;

/// <summary>
/// A customer as its business reads it, in RocketKOR's shape (ADR 0020): in full, since the business owns the relationship.
/// <c>PhoneNumber</c> is the mobile the links are texted to (null for customers created before LinX kept it), also the
/// MOBILE entry of <c>PhoneNumbers</c>. Logs and orchestration history keep seeing it masked.
/// </summary>
public sealed record CustomerView(
    Guid Id, CustomerStatus Status, string? Salutation, string FirstName, string LastName, string Email, string? PhoneNumber, DateOnly DateOfBirth,
    IReadOnlyList<CustomerAddressView> Addresses, IReadOnlyList<CustomerPhoneNumberView> PhoneNumbers, Guid? SourceWorkflowId,
    DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt)
{
    public static CustomerView From(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new(
            customer.CustomerId, customer.Status, customer.Salutation, customer.FirstName, customer.LastName, customer.Email, customer.PhoneNumber,
            customer.DateOfBirth, [.. customer.Addresses.Select(CustomerAddressView.From)],
            [
                .. customer.PhoneNumber is { } mobile ? [new CustomerPhoneNumberView(PhoneType.Mobile, mobile)] : Array.Empty<CustomerPhoneNumberView>(),
                .. customer.OtherPhoneNumbers.Select(p => new CustomerPhoneNumberView(p.Type, p.PhoneNumber)),
            ],
            customer.SourceWorkflowId, customer.CreatedAt, customer.UpdatedAt);
    }
}

/// <summary>
/// An address in RocketKOR's shape: <c>countryCode</c> ISO 3166-1 alpha-3 (<c>CAN</c>, <c>USA</c>), <c>cityName</c>,
/// <c>zipCode</c>. One address of each type, so each is its type's primary.
/// </summary>
public sealed record CustomerAddressView(
    AddressType Type, string StreetLine1, string? StreetLine2, string CityName, string StateCode, string CountryCode, string ZipCode, bool Primary)
{
    public static CustomerAddressView From(TypedAddress typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var a = typed.Address;
        return new(typed.Type, a.StreetLine1, a.StreetLine2, a.City, a.StateCode, CountryCodes.Alpha3(a.CountryCode), a.PostalCode, Primary: true);
    }
}

/// <summary>A phone number of the customer by type: MOBILE (the one the links are texted to), HOME, WORK.</summary>
public sealed record CustomerPhoneNumberView(PhoneType Type, string PhoneNumber);

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
        t.Status, t.StatusReason, t.CreatedAt, t.SettleAt, t.SettledAt)
    {
        StartDateTime = t.StartDateTime,
    };

    /// <summary>When a SCHEDULED transaction moves (ISO 8601, with the offset the business gave); null for any other priority.</summary>
    public DateTimeOffset? StartDateTime { get; init; }

    /// <summary>The customer's acceptance this transaction rests on (an ACH debit's authorisation word for word): null without one.</summary>
    public ConsentView? Acceptance { get; init; }
}
