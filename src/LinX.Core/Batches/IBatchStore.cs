using LinX.Core.Common;

namespace LinX.Core.Batches;

/// <summary>What happened to a create: stored, or a batch with the same idempotency key was there already.</summary>
public sealed record BatchCreateResult(bool Created, BatchRecord Batch);

/// <summary>Batches (by business) and their entries and counters (by batch).</summary>
public interface IBatchStore
{
    /// <summary>
    /// Stores the entries (PENDING), zeroed counters and, last, the batch with its idempotency row in one transaction:
    /// until that commit nothing of the batch is visible, and a retry rewrites the same rows. When the key is taken,
    /// nothing new is committed and the batch already stored is returned.
    /// </summary>
    Task<BatchCreateResult> CreateAsync(BatchRecord batch, IReadOnlyList<string> encryptedEntries, CancellationToken cancellationToken);

    Task<BatchRecord?> GetAsync(Guid businessId, Guid batchId, CancellationToken cancellationToken);

    Task<BatchRecord?> FindByIdempotencyKeyAsync(Guid businessId, string idempotencyKeyHash, CancellationToken cancellationToken);

    /// <summary>The business's batches, newest first, optionally of one status; <paramref name="page"/> is 1-based.</summary>
    Task<ResultPage<BatchRecord>> ListAsync(Guid businessId, BatchStatus? status, int page, int size, CancellationToken cancellationToken);

    /// <summary>Moves the batch to <paramref name="to"/> if its status is one of <paramref name="from"/>; false otherwise.</summary>
    Task<bool> TrySetStatusAsync(Guid businessId, Guid batchId, IReadOnlyCollection<BatchStatus> from, BatchStatus to, CancellationToken cancellationToken);

    Task<BatchCounts> GetCountsAsync(Guid batchId, CancellationToken cancellationToken);

    /// <summary>The entries at positions <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> - 1, in order.</summary>
    Task<IReadOnlyList<BatchEntryRecord>> GetEntriesAsync(Guid batchId, int from, int count, CancellationToken cancellationToken);

    /// <summary>One page (1-based) of the entries, in position order, optionally of one status, with how many there are.</summary>
    Task<ResultPage<BatchEntryRecord>> ListEntriesAsync(Guid batchId, BatchEntryStatus? status, int page, int size, CancellationToken cancellationToken);

    /// <summary>
    /// Changes one entry by <paramref name="change"/> (null: leave it) and its batch's counters in one transaction, guarded
    /// by ETags and retried on a concurrent change, so the counters always add up the entries. Returns the entry as stored.
    /// </summary>
    Task<BatchEntryRecord?> UpdateEntryAsync(Guid batchId, int position, Func<BatchEntryRecord, BatchEntryRecord?> change, CancellationToken cancellationToken);
}
