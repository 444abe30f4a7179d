using LinX.Core.Accounts;
using LinX.Core.Customers;
using LinX.Core.Notifications;
using LinX.Core.Payments;
using LinX.Core.Workflows;

namespace LinX.Core.Activities;

/// <summary>Send the workflow's SMS number <paramref name="Serial"/> (0 is the first), once; then write <paramref name="Then"/>, if any.</summary>
public sealed record SendNotificationInput(Guid BusinessId, Guid WorkflowId, int Serial, NotificationOrigin Origin, StatusAfterStep? Then = null);

/// <summary>The history row of the notification, as stored.</summary>
public sealed record SendNotificationOutput(int Serial, NotificationOrigin Origin, DateTimeOffset SentAt, bool Successful, string? ProviderMessageId);

/// <summary>Create the customer of this workflow's customer-account step, once; then write <paramref name="Then"/>, if any.</summary>
public sealed record CreateCustomerAccountInput(
    Guid BusinessId, Guid WorkflowId, CustomerProfile Profile, string MaskedPhoneNumber, StatusAfterStep? Then = null);

/// <summary>Look up an existing customer or financial account of the business.</summary>
public sealed record LookupInput(Guid BusinessId, Guid Id, Guid? CustomerId = null);

/// <summary>Create the financial account of this workflow's financial-account step, once; then write <paramref name="Then"/>, if any.</summary>
public sealed record CreateFinancialAccountInput(
    Guid BusinessId,
    Guid WorkflowId,
    Guid CustomerId,
    FinancialAccountSubType SubType,
    TokenizedCard? Card,
    TokenizedBankAccount? BankAccount,
    StatusAfterStep? Then = null);

/// <summary>The outcome of a step activity: the id created or found and masked display data for the step.</summary>
/// <remarks><c>Found</c>: False when a lookup found nothing (the workflow fails with that reason).</remarks>
public sealed record StepActivityOutput(Guid Id, bool Found, IReadOnlyDictionary<string, string> Data);

/// <summary>
/// Create and submit this workflow's transaction, once (idempotency key <c>{workflowId}:move-money</c>); then, unless it
/// was declined or failed, write <paramref name="Then"/>, if any.
/// </summary>
public sealed record MoveMoneyInput(Guid BusinessId, Guid WorkflowId, Guid CustomerFinancialAccountId, MoveMoneyStep Step, StatusAfterStep? Then = null);

/// <summary>Settle a pending transaction whose settlement time has come.</summary>
public sealed record SettleTransactionInput(Guid BusinessId, Guid TransactionId);

/// <summary>The transaction's id and status after an activity.</summary>
public sealed record TransactionOutput(
    Guid TransactionId, TransactionStatus Status, DateTime? SettleAt, string? Reason, IReadOnlyDictionary<string, string> Data);
