using System.Text;
using LinX.Core;
using LinX.Core.Accounts;
using LinX.Core.Activities;
using LinX.Core.Customers;
using LinX.Core.Documents;
using LinX.Core.Gateway;
using LinX.Core.Management;
using LinX.Core.Security;
using LinX.Core.Workflows;
using LinX.Infrastructure.Demo;

namespace LinX.Infrastructure.Tests.Support;

/// <summary>Seed plans built directly (the request validator is another issue) and a way to create them through the service.</summary>
internal static class TestPlans
{
    public const string Phone = "+16471234567";

    /// <summary>A customer's profile as the Gateway submits it.</summary>
    public static readonly CustomerProfile Profile = new(
        "Jane", "Roe", "jane.roe@example.com", new DateOnly(1990, 2, 3), new PostalAddress("1 Main St", null, "Austin", "TX", "73301", "US"));

    public static NotificationStep Notification(string intro) => new(NotificationStep.SmsChannel, Phone, intro);

    public static MoveMoneyStep Rebate(PaymentSolution solution = PaymentSolution.PushToCard, decimal amount = 256.25m) =>
        new(TransactionType.Send, solution, DemoData.BusinessFinancialAccountId, "USD", amount,
            solution == PaymentSolution.Ach ? PaymentPriority.SameDay : PaymentPriority.Immediate, null, null, "payment-of-rebates");

    public static WorkflowPlan NewCustomer(bool passcode = false) => new(
        "Create a new Customer Account for John Doe", TimeSpan.FromDays(2), passcode, null,
        [Notification("Create a new customer account"), new CustomerAccountStep()]);

    public static WorkflowPlan NewCard() => new(
        "Create a new Financial Account for John Doe", TimeSpan.FromDays(2), false, null,
        [Notification("Add a debit card"), new LookupProfileStep(DemoData.CustomerId), new FinancialAccountStep(FinancialAccountSubType.Debit)]);

    public static WorkflowPlan RebateToNewAccount(FinancialAccountSubType subType, PaymentSolution solution) => new(
        "Send a rebate to a new Financial Account for new Customer John Doe", TimeSpan.FromDays(2), false, null,
        [Notification("You have a rebate"), new CustomerAccountStep(), new FinancialAccountStep(subType), Rebate(solution)]);

    public static WorkflowPlan RebateToExistingCard() => new(
        "Send a rebate to an existing Financial Account for John Doe", TimeSpan.FromDays(2), false, null,
        [Notification("You have a rebate"), new LookupProfileStep(DemoData.CustomerId), new LookupFinancialAccountStep(DemoData.CustomerFinancialAccountId), Rebate()]);

    /// <summary>
    /// The six slots of a request, one step kind in each: a new customer who completes the profile (salutation, date of
    /// birth, a mailing address, a home phone), adds a card and accepts the demo business's two documents and the rebate.
    /// </summary>
    public static WorkflowPlan EverySlot() => new(
        "Onboard Jane Roe and send a rebate", TimeSpan.FromDays(2), false, null,
        [
            Notification("You have a rebate"), new CustomerAccountStep(),
            new EnhanceProfileStep([PersonalInfoField.Salutation, PersonalInfoField.DateOfBirth], [AddressType.Mailing], [PhoneType.Home]),
            new FinancialAccountStep(FinancialAccountSubType.Debit),
            new DocumentAcceptanceStep(
                [new DocumentReference(DocumentGroup.ECommunication, DemoDocuments.ECommunicationConsentId), new DocumentReference(DocumentGroup.PrivacyPolicy, DemoDocuments.PrivacyPolicyId)]),
            Rebate(),
        ]);

    /// <summary>What the customer enters on the enhance-profile step of <see cref="EverySlot"/>.</summary>
    public const string EnhancementBody = """
        { "salutation": "MS", "dateOfBirth": "1990-04-02",
          "addresses": [{ "type": "MAILING", "streetLine1": "PO Box 12", "cityName": "Toronto", "stateCode": "ON", "countryCode": "CAN", "zipCode": "M5V 1A1" }],
          "phoneNumbers": [{ "type": "HOME", "phoneNumber": "+14165550123" }] }
        """;

    /// <summary>The customer accepting every document of <paramref name="step"/> at the version the workflow pinned.</summary>
    public static string AcceptanceBody(DocumentAcceptanceStep step) =>
        System.Text.Json.JsonSerializer.Serialize(new { accepted = step.Documents.Select(d => new { documentId = d.DocumentId, version = d.Version }) });

    /// <summary>Creates the workflow as <see cref="WorkflowService.CreateAsync"/> does after validation.</summary>
    public static async Task<WorkflowCreated> CreateAsync(TestHost host, WorkflowPlan plan, string body = "{}", string? idempotencyKey = null)
    {
        var result = await host.Get<WorkflowService>().CreateValidatedAsync(
            host.DemoBusiness, plan, Hashing.Sha256Hex(Encoding.UTF8.GetBytes(body)),
            idempotencyKey is null ? null : Hashing.Sha256Hex(idempotencyKey), CancellationToken.None);
        Assert.Equal(ServiceOutcome.Accepted, result.Outcome);
        return result.Value!;
    }

    /// <summary><see cref="Profile"/> as the Gateway seals it for the workflow.</summary>
    public static Sealed<CustomerProfile> SealedProfile(TestHost host, Guid workflowId) =>
        host.Get<CustomerSubmissions>().Profile(workflowId, Profile).SealedProfile!;

    /// <summary>A bank account as the Gateway seals it for the workflow.</summary>
    public static Sealed<TokenizedBankAccount> Sealed(TestHost host, Guid workflowId, TokenizedBankAccount bankAccount) =>
        host.Get<CustomerSubmissions>().BankAccount(workflowId, bankAccount).SealedBankAccount!;

    /// <summary>A step activity's display data, opened with the host's key.</summary>
    public static IReadOnlyDictionary<string, string> Open(TestHost host, Guid workflowId, Sealed<IReadOnlyDictionary<string, string>>? data) =>
        StepData.Open(host.Get<LinXCrypto>(), workflowId, data ?? throw new InvalidOperationException("The output has no sealed data."));

    public static string TokenOf(WorkflowCreated created) => created.Link[(created.Link.LastIndexOf('/') + 1)..];

    public static ReadOnlyMemory<byte> Json(string json) => Encoding.UTF8.GetBytes(json);
}
