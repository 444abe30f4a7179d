namespace LinX.Core.Payments;

/// <summary>
/// Why a payment attempt did not go through: the processor's outcome vocabulary, not API errors (no HTTP answer carries
/// them as its <c>errorCode</c>). They appear in a workflow's <c>paymentAttempts[].reasonCode</c> and <c>failureCode</c>, on
/// the Gateway's <c>current.recovery.reasonCode</c> and <c>failureCode</c>, and in webhooks. Whether another account could
/// succeed is a property of the code (<see cref="IsRecoverable"/>), never of its wording. docs/errors.md lists them.
/// Clients branch on these; never rename one.
/// </summary>
public static class PaymentDeclineCodes
{
    /// <summary>The issuer declined the card (recoverable: another card may go through).</summary>
    public const string CardDeclined = "CARD_DECLINED";

    /// <summary>The customer's account lacks the funds (recoverable).</summary>
    public const string InsufficientFunds = "INSUFFICIENT_FUNDS";

    /// <summary>The card cannot receive instant (push-to-card) payouts (recoverable).</summary>
    public const string CardNotEligible = "CARD_NOT_ELIGIBLE";

    /// <summary>The bank account does not exist or cannot take ACH (recoverable).</summary>
    public const string AccountInvalid = "ACCOUNT_INVALID";

    /// <summary>The bank account is closed (recoverable).</summary>
    public const string AccountClosed = "ACCOUNT_CLOSED";

    /// <summary>The payment itself is declined, whatever the account (unrecoverable).</summary>
    public const string PaymentDeclined = "PAYMENT_DECLINED";

    /// <summary>Anything else that ended the workflow: a step that failed for good, a missing account (unrecoverable).</summary>
    public const string SystemError = "SYSTEM_ERROR";

    /// <summary>Every code, in the order docs/errors.md lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [CardDeclined, InsufficientFunds, CardNotEligible, AccountInvalid, AccountClosed, PaymentDeclined, SystemError];

    /// <summary>Whether another card or bank account of the customer could succeed where this one failed.</summary>
    public static bool IsRecoverable(string? code) => code is CardDeclined or InsufficientFunds or CardNotEligible or AccountInvalid or AccountClosed;

    /// <summary>The code of an outcome that did not go through: its own, or PAYMENT_DECLINED / SYSTEM_ERROR by status.</summary>
    public static string Of(TransactionStatus status, string? reasonCode) =>
        reasonCode ?? (status == TransactionStatus.Declined ? PaymentDeclined : SystemError);
}
