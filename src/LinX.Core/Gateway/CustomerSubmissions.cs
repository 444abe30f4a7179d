using LinX.Core.Accounts;
using LinX.Core.Customers;
using LinX.Core.Orchestration;
using LinX.Core.Security;

namespace LinX.Core.Gateway;

/// <summary>
/// Builds the workflow events of a customer's submissions, and opens them again: the orchestration is given their data
/// only sealed (<c>LinX:Security:DataKey</c>, bound to the workflow and to the kind of submission), so orchestration
/// history, queues and the Durable status API hold none of it; the activity that stores a submission opens it (ADR 0011).
/// </summary>
public sealed class CustomerSubmissions(LinXCrypto crypto)
{
    private const string ProfilePurpose = "profile";
    private const string CardPurpose = "card";
    private const string BankAccountPurpose = "bank-account";
    private const string EnhancementPurpose = "profile-enhancement";

    public WorkflowEvent Profile(Guid workflowId, CustomerProfile profile) =>
        WorkflowEvent.SubmitProfile(crypto.Seal(profile, workflowId, ProfilePurpose));

    public WorkflowEvent Card(Guid workflowId, TokenizedCard card) => WorkflowEvent.SubmitCard(crypto.Seal(card, workflowId, CardPurpose));

    public WorkflowEvent BankAccount(Guid workflowId, TokenizedBankAccount bankAccount) =>
        WorkflowEvent.SubmitBankAccount(crypto.Seal(bankAccount, workflowId, BankAccountPurpose));

    public WorkflowEvent Enhancement(Guid workflowId, ProfileEnhancement enhancement) =>
        WorkflowEvent.SubmitEnhancement(crypto.Seal(enhancement, workflowId, EnhancementPurpose));

    public ProfileEnhancement Open(Guid workflowId, Sealed<ProfileEnhancement> enhancement) => crypto.Unseal(enhancement, workflowId, EnhancementPurpose);

    public CustomerProfile Open(Guid workflowId, Sealed<CustomerProfile> profile) => crypto.Unseal(profile, workflowId, ProfilePurpose);

    public TokenizedCard Open(Guid workflowId, Sealed<TokenizedCard> card) => crypto.Unseal(card, workflowId, CardPurpose);

    public TokenizedBankAccount Open(Guid workflowId, Sealed<TokenizedBankAccount> bankAccount) => crypto.Unseal(bankAccount, workflowId, BankAccountPurpose);
}
