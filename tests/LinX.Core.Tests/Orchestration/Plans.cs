using LinX.Core.Accounts;
using LinX.Core.Customers;
using LinX.Core.Documents;
using LinX.Core.Security;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Orchestration;

/// <summary>The four seed examples as plans (built directly; the validator is another issue) and sample submissions.</summary>
internal static class Plans
{
    public static readonly Guid DemoCustomerId = Guid.Parse("8c8cab63-4e53-4acf-9efa-e7324816aa36");
    public static readonly Guid DemoCustomerAccountId = Guid.Parse("bbbf2fbf-81d4-4f2d-8f80-201bcca921d4");
    public static readonly Guid DemoBusinessAccountId = Guid.Parse("31c6d624-6a0c-4049-b1f1-f3ea7d00ba35");

    public static NotificationStep Notification(string intro) => new(NotificationStep.SmsChannel, "+1647*****67", intro);

    public static MoveMoneyStep Rebate(PaymentSolution solution = PaymentSolution.PushToCard, decimal amount = 256.25m) =>
        new(TransactionType.Send, solution, DemoBusinessAccountId, "USD", amount,
            solution == PaymentSolution.Ach ? PaymentPriority.SameDay : PaymentPriority.Immediate, null, null, "payment-of-rebates");

    public static WorkflowPlan NewCustomer() => new(
        "Create a new Customer Account for John Doe", TimeSpan.FromDays(2), false, null,
        [Notification("Create a new customer account"), new CustomerAccountStep()]);

    public static WorkflowPlan NewCard() => new(
        "Create a new Financial Account for John Doe", TimeSpan.FromDays(2), false, null,
        [Notification("Add a debit card"), new LookupProfileStep(DemoCustomerId), new FinancialAccountStep(FinancialAccountSubType.Debit)]);

    public static WorkflowPlan RebateToNewCard(PaymentSolution solution = PaymentSolution.PushToCard) => new(
        "Send a rebate to a new Financial Account for new Customer John Doe", TimeSpan.FromDays(2), false, null,
        [
            Notification("You have a rebate"), new CustomerAccountStep(),
            new FinancialAccountStep(solution == PaymentSolution.PushToCard ? FinancialAccountSubType.Debit : FinancialAccountSubType.Checking),
            Rebate(solution),
        ]);

    public static WorkflowPlan RebateToExistingCard() => new(
        "Send a rebate to an existing Financial Account for John Doe", TimeSpan.FromDays(2), false, null,
        [Notification("You have a rebate"), new LookupProfileStep(DemoCustomerId), new LookupFinancialAccountStep(DemoCustomerAccountId), Rebate()]);

    /// <summary>The customer's profile completed on an enhance-profile step: a salutation, a mailing address and a home phone.</summary>
    public static EnhanceProfileStep Enhance() => new([PersonalInfoField.Salutation], [AddressType.Mailing], [PhoneType.Home]);

    /// <summary>Two documents as LinX pins them when it creates the workflow: each with its version and SHA-256.</summary>
    public static DocumentAcceptanceStep Documents() => new(
    [
        new DocumentReference(DocumentGroup.ECommunication, "e-communication-consent", 1, new string('c', 64)),
        new DocumentReference(DocumentGroup.PrivacyPolicy, "privacy-policy", 3, new string('d', 64)),
    ]);

    /// <summary>
    /// The six slots of a request in order, one step kind in each (ADR 0020): a new customer who completes the profile and
    /// adds a card, or (<paramref name="lookUp"/>) an existing customer and account confirmed; both accept the documents and the rebate.
    /// </summary>
    public static WorkflowPlan EverySlot(bool lookUp = false) => new(
        "Onboard John Doe and send a rebate", TimeSpan.FromDays(2), false, null,
        lookUp
            ? [Notification("You have a rebate"), new LookupProfileStep(DemoCustomerId), Enhance(), new LookupFinancialAccountStep(DemoCustomerAccountId), Documents(), Rebate()]
            : [Notification("You have a rebate"), new CustomerAccountStep(), Enhance(), new FinancialAccountStep(FinancialAccountSubType.Debit), Documents(), Rebate()]);

    public static Sealed<ProfileEnhancement> SealedEnhancement() => new("sealed-enhancement");

    /// <summary>A submitted profile as the Gateway seals it: opaque to the orchestrator, which only passes it on.</summary>
    public static Sealed<CustomerProfile> SealedProfile() => new("sealed-profile");

    public static Sealed<TokenizedCard> SealedCard() => new("sealed-card");

    public static Sealed<TokenizedBankAccount> SealedBank() => new("sealed-bank-account");

    /// <summary>A profile in the clear, as events of histories before ADR 0011 carry it.</summary>
    public static CustomerProfile Profile() => new(
        "John", "Doe", "john.doe@example.com", new DateOnly(1985, 6, 15),
        new PostalAddress("100 King Street West", null, "Toronto", "ON", "M5X 1A9", "CA"));

    public static TokenizedCard Card() => new("VISA", "4242", 2030, 12, new string('a', 64), "tok_card", "John Doe");

    public static TokenizedBankAccount Bank() => new("011000015", "6789", new string('b', 64), "tok_bank", "John Doe");
}
