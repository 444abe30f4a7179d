using LinX.Core.Customers;
using LinX.Core.Documents;

namespace LinX.Core.Workflows;

/// <summary>
/// The exact (case-sensitive) wire names of an enum of the contract. Deliberately not
/// JsonStringEnumConverter, which is case-insensitive and accepts integers on read.
/// </summary>
internal sealed class WireValues<T>(params (string Wire, T Value)[] values)
    where T : struct, Enum
{
    /// <summary>The allowed names, for messages: <c>DEBIT, CREDIT, CHECKING, SAVING</c>.</summary>
    public string Allowed { get; } = string.Join(", ", values.Select(v => v.Wire));

    public bool TryParse(string wire, out T value)
    {
        foreach (var (name, candidate) in values)
        {
            if (name == wire)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public string Format(T value) => values.First(v => EqualityComparer<T>.Default.Equals(v.Value, value)).Wire;
}

/// <summary>The wire names of the contract's enums.</summary>
internal static class WireValues
{
    public static WireValues<FinancialAccountSubType> SubTypes { get; } = new(
        ("DEBIT", FinancialAccountSubType.Debit), ("CREDIT", FinancialAccountSubType.Credit),
        ("CHECKING", FinancialAccountSubType.Checking), ("SAVING", FinancialAccountSubType.Saving));

    public static WireValues<TransactionType> TransactionTypes { get; } = new(
        ("SEND", TransactionType.Send), ("REQUEST", TransactionType.Request));

    public static WireValues<PaymentSolution> Solutions { get; } = new(
        ("push-to-card", PaymentSolution.PushToCard), ("ach", PaymentSolution.Ach), ("wire", PaymentSolution.Wire));

    /// <summary>The priorities a request may name; STANDARD, retired (ADR 0024), is refused by <see cref="MoveMoneyRules"/> with its own message.</summary>
    public static WireValues<PaymentPriority> Priorities { get; } = new(
        ("IMMEDIATE", PaymentPriority.Immediate), ("SAME_DAY", PaymentPriority.SameDay),
        ("NEXT_DAY", PaymentPriority.NextDay), ("SCHEDULED", PaymentPriority.Scheduled));

    /// <summary>The wire name of the retired priority (ADR 0024).</summary>
    public const string RetiredStandardPriority = "STANDARD";

    public static WireValues<PersonalInfoField> PersonalInfo { get; } = new(
        ("salutation", PersonalInfoField.Salutation), ("dateOfBirth", PersonalInfoField.DateOfBirth));

    public static WireValues<AddressType> AddressTypes { get; } = new(
        ("SHIPPING", AddressType.Shipping), ("MAILING", AddressType.Mailing), ("PHYSICAL", AddressType.Physical));

    /// <summary>The phone numbers an enhance-profile step may ask for (the mobile is the one the link is texted to).</summary>
    public static WireValues<PhoneType> AskedPhoneTypes { get; } = new(("HOME", PhoneType.Home), ("WORK", PhoneType.Work));

    public static WireValues<DocumentGroup> DocumentGroups { get; } = new(
        ("E_COMMUNICATION", DocumentGroup.ECommunication), ("PRIVACY_POLICY", DocumentGroup.PrivacyPolicy),
        ("TERMS_AND_CONDITIONS", DocumentGroup.TermsAndConditions), ("CARDHOLDER_AGREEMENT", DocumentGroup.CardholderAgreement),
        ("OTHER", DocumentGroup.Other));
}
