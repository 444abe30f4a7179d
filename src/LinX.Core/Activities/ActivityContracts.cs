using LinX.Core.Accounts;
using LinX.Core.Customers;
using LinX.Core.Notifications;
using LinX.Core.Payments;
using LinX.Core.Security;
using LinX.Core.Workflows;

namespace LinX.Core.Activities;

/// <summary>Send the workflow's SMS number <paramref name="Serial"/> (0 is the first), once; then write <paramref name="Then"/>, if any.</summary>
public sealed record SendNotificationInput(Guid BusinessId, Guid WorkflowId, int Serial, NotificationOrigin Origin, StatusAfterStep? Then = null);

/// <summary>The history row of the notification, as stored.</summary>
public sealed record SendNotificationOutput(int Serial, NotificationOrigin Origin, DateTimeOffset SentAt, bool Successful, string? ProviderMessageId);

/// <summary>Create the customer of this workflow's customer-account step from the sealed profile, once; then write <paramref name="Then"/>, if any.</summary>
/// <remarks><c>Profile</c>: read only, from histories written before ADR 0011: the plain profile, used when there is no sealed one.</remarks>
public sealed record CreateCustomerAccountInput(
    Guid BusinessId,
    Guid WorkflowId,
    Sealed<CustomerProfile>? SealedProfile,
    string MaskedPhoneNumber,
    StatusAfterStep? Then = null,
    CustomerProfile? Profile = null);

/// <summary>
/// Add what the customer entered on the enhance-profile step (sealed by the Gateway) to customer <paramref name="CustomerId"/>;
/// then write <paramref name="Then"/>, if any. The same enhancement applied again leaves the same profile.
/// </summary>
public sealed record EnhanceProfileInput(
    Guid BusinessId, Guid WorkflowId, Guid CustomerId, Sealed<ProfileEnhancement> SealedEnhancement, StatusAfterStep? Then = null);

/// <summary>
/// Check that the customer's acceptance of every document of the document-acceptance step is recorded (by the Gateway, from
/// their own request) and make the step's data of it; then write <paramref name="Then"/>, if any. Reads only: safe to re-run.
/// </summary>
public sealed record AcceptDocumentsInput(Guid BusinessId, Guid WorkflowId, DocumentAcceptanceStep Step, StatusAfterStep? Then = null);

/// <summary>Look up an existing customer or financial account of the business, for the step of workflow <paramref name="WorkflowId"/>.</summary>
/// <remarks><c>WorkflowId</c>: whose step data the output is sealed for; null only in histories written before ADR 0011 (plain data).</remarks>
public sealed record LookupInput(Guid BusinessId, Guid Id, Guid? CustomerId = null, Guid? WorkflowId = null);

/// <summary>
/// Create the financial account of this workflow's financial-account step from the sealed card or bank account, once;
/// then write <paramref name="Then"/>, if any.
/// </summary>
/// <remarks>
/// <c>Card</c>, <c>BankAccount</c>: read only, from histories written before ADR 0011: the plain details, used when there are
/// no sealed ones. <c>Attempt</c>: 0 for the financial-account step; n (2 or 3) for the replacement account of payment attempt n.
/// </remarks>
public sealed record CreateFinancialAccountInput(
    Guid BusinessId,
    Guid WorkflowId,
    Guid CustomerId,
    FinancialAccountSubType SubType,
    Sealed<TokenizedCard>? SealedCard,
    Sealed<TokenizedBankAccount>? SealedBankAccount,
    StatusAfterStep? Then = null,
    TokenizedCard? Card = null,
    TokenizedBankAccount? BankAccount = null,
    int Attempt = 0);

/// <summary>The outcome of a step activity: the id created or found and the step's display data, sealed (<see cref="StepData.Seal"/>).</summary>
/// <remarks>
/// <c>Found</c>: false when a lookup found nothing (the workflow fails with that reason; there is no data). <c>Data</c>: read
/// only, from histories written before ADR 0011: the display data in the clear.
/// </remarks>
public sealed record StepActivityOutput(
    Guid Id, bool Found, Sealed<IReadOnlyDictionary<string, string>>? SealedData, IReadOnlyDictionary<string, string>? Data = null);

/// <summary>
/// Create and submit this workflow's transaction of payment attempt <paramref name="Attempt"/>, once (idempotency key
/// <c>{workflowId}:move-money</c>, then <c>{workflowId}:move-money:{attempt}</c>); then, unless it was declined or failed,
/// write <paramref name="Then"/>, if any, with the attempt added to its <c>PaymentAttempts</c>.
/// </summary>
/// <remarks><c>Attempt</c>: 0 in histories from before ADR 0016, which is attempt 1.</remarks>
public sealed record MoveMoneyInput(
    Guid BusinessId, Guid WorkflowId, Guid CustomerFinancialAccountId, MoveMoneyStep Step, StatusAfterStep? Then = null, int Attempt = 0);

/// <summary>Settle a pending transaction whose settlement time has come.</summary>
public sealed record SettleTransactionInput(Guid BusinessId, Guid TransactionId);

/// <summary>The transaction's id and status after an activity, and the step's display data, sealed (<see cref="StepData.Seal"/>).</summary>
/// <remarks>
/// <c>Data</c>: read only, from histories written before ADR 0011: the display data in the clear. <c>ReasonCode</c>: why it
/// was declined (<see cref="PaymentDeclineCodes"/>); <c>CreatedAt</c>: when the transaction was made; both null in
/// histories from before ADR 0016.
/// </remarks>
public sealed record TransactionOutput(
    Guid TransactionId,
    TransactionStatus Status,
    DateTime? SettleAt,
    string? Reason,
    Sealed<IReadOnlyDictionary<string, string>>? SealedData,
    IReadOnlyDictionary<string, string>? Data = null,
    string? ReasonCode = null,
    DateTimeOffset? CreatedAt = null);
