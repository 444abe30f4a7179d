using System.Text;
using LinX.Core.Workflows;

namespace LinX.Core.Payments;

/// <summary>
/// Card details as the customer typed them, with the verification data (<paramref name="Cvc"/>, billing
/// <paramref name="PostalCode"/>); live only in memory during tokenization and are never stored, sealed or logged.
/// </summary>
public sealed record CardDetails(string CardNumber, int ExpiryYear, int ExpiryMonth, string NameOnCard, string Cvc, string PostalCode)
{
    // A record prints every member: keep the number, CVC and postal code out of any accidental ToString.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Last4 = ").Append(CardNumber.Length >= 4 ? CardNumber[^4..] : string.Empty);
        return true;
    }
}

/// <summary>Bank details as the customer typed them; live only in memory during tokenization.</summary>
public sealed record BankAccountDetails(string RoutingNumber, string AccountNumber, string NameOnAccount)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("RoutingNumber = ").Append(RoutingNumber);
        return true;
    }
}

/// <summary>What the issuer said of the card's verification data at tokenization.</summary>
public enum CardVerification
{
    /// <summary>The CVC and the billing postal code matched: the token is usable.</summary>
    Ok,

    /// <summary>The CVC did not match the card: no token.</summary>
    CvcMismatch,

    /// <summary>The billing postal code did not match the card: no token.</summary>
    PostalCodeMismatch,
}

/// <summary>The processor's answer to a card tokenization: the verification, and the token when it is <see cref="CardVerification.Ok"/>.</summary>
public sealed record CardTokenization(CardVerification Verification, string? Token)
{
    public static CardTokenization Verified(string token) => new(CardVerification.Ok, token);
}

/// <summary>A payment to execute; <paramref name="IdempotencyKey"/> makes a resubmission return the first outcome.</summary>
public sealed record PaymentRequest(
    string IdempotencyKey,
    TransactionType TransactionType,
    PaymentSolution Solution,
    PaymentPriority Priority,
    decimal Amount,
    string Currency,
    string? CustomerProcessorToken,
    string? BusinessProcessorToken)
{
    /// <summary>A SCHEDULED payment moves no earlier than this; once it has passed, as soon as possible (ADR 0024).</summary>
    public DateTimeOffset? StartDateTime { get; init; }
}

/// <summary>
/// What the processor said: a status, its reference, when it will settle (pending), or why it declined: in plain words
/// (<paramref name="Reason"/>) and as a stable code of <see cref="PaymentDeclineCodes"/> (<paramref name="ReasonCode"/>).
/// </summary>
public sealed record PaymentOutcome(TransactionStatus Status, string? ProcessorReference, DateTimeOffset? SettleAt, string? Reason, string? ReasonCode = null);

/// <summary>
/// The payment processor. Tokenizes card and bank details (so that only an opaque token is kept), verifying a card's
/// CVC and billing postal code on the way, and executes payments idempotently per key.
/// </summary>
public interface IPaymentProcessor
{
    /// <summary>Verifies the card's CVC and billing postal code and, when they match, gives an opaque token standing for it.</summary>
    Task<CardTokenization> TokenizeCardAsync(CardDetails card, CancellationToken cancellationToken);

    /// <summary>An opaque token standing for the bank account at the processor.</summary>
    Task<string> TokenizeBankAccountAsync(BankAccountDetails bankAccount, CancellationToken cancellationToken);

    /// <summary>Executes a payment; the same idempotency key returns the first outcome and moves no money twice.</summary>
    Task<PaymentOutcome> SubmitAsync(PaymentRequest request, CancellationToken cancellationToken);

    /// <summary>The final status of a pending payment once its settlement time has come.</summary>
    Task<PaymentOutcome> GetSettlementAsync(string processorReference, PaymentSolution solution, CancellationToken cancellationToken);
}
