namespace LinX.Core.Payments;

/// <summary>Transactions, partitioned by business, with an idempotency index in the same partition.</summary>
public interface ITransactionStore
{
    Task<Transaction?> GetAsync(Guid businessId, Guid transactionId, CancellationToken cancellationToken);

    Task<Transaction?> FindByIdempotencyKeyAsync(Guid businessId, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the transaction and its idempotency index row in one entity-group transaction; when the key
    /// already exists, inserts nothing and returns the stored transaction.
    /// </summary>
    Task<Transaction> CreateAsync(Transaction transaction, CancellationToken cancellationToken);

    /// <summary>Moves the status forward, with its reason in words and as a code (never back from a final status); returns the stored transaction.</summary>
    Task<Transaction> UpdateStatusAsync(
        Guid businessId,
        Guid transactionId,
        TransactionStatus status,
        string? processorReference,
        string? statusReason,
        DateTimeOffset? settleAt,
        DateTimeOffset? settledAt,
        string? statusReasonCode,
        CancellationToken cancellationToken);
}
