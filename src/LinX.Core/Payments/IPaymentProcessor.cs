using LinX.Core.Workflows;

namespace LinX.Core.Payments;

/// <summary>Card details as the customer typed them; live only in memory during tokenization.</summary>
public sealed record CardDetails(string CardNumber, int ExpiryYear, int ExpiryMonth, string NameOnCard);

/// <summary>Bank details as the customer typed them; live only in memory during tokenization.</summary>
public sealed record BankAccountDetails(string RoutingNumber, string AccountNumber, string NameOnAccount);

/// <summary>A payment to execute; <paramref name="IdempotencyKey"/> makes a resubmission return the first outcome.</summary>
public sealed record PaymentRequest(
    string IdempotencyKey,
    TransactionType TransactionType,
    PaymentSolution Solution,
    PaymentPriority Priority,
    decimal Amount,
    string Currency,
    string? CustomerProcessorToken,
    string? BusinessProcessorToken);

/// <summary>What the processor said: a status, its reference, when it will settle (pending), or why it declined.</summary>
public sealed record PaymentOutcome(TransactionStatus Status, string? ProcessorReference, DateTimeOffset? SettleAt, string? Reason);

/// <summary>
/// The payment processor. Tokenizes card and bank details (so that only an opaque token is kept) and
/// executes payments idempotently per key.
/// </summary>
public interface IPaymentProcessor
{
    /// <summary>An opaque token standing for the card at the processor.</summary>
    Task<string> TokenizeCardAsync(CardDetails card, CancellationToken cancellationToken);

    /// <summary>An opaque token standing for the bank account at the processor.</summary>
    Task<string> TokenizeBankAccountAsync(BankAccountDetails bankAccount, CancellationToken cancellationToken);

    /// <summary>Executes a payment; the same idempotency key returns the first outcome and moves no money twice.</summary>
    Task<PaymentOutcome> SubmitAsync(PaymentRequest request, CancellationToken cancellationToken);

    /// <summary>The final status of a pending payment once its settlement time has come.</summary>
    Task<PaymentOutcome> GetSettlementAsync(string processorReference, PaymentSolution solution, CancellationToken cancellationToken);
}
