namespace LinX.Core.Batches;

/// <summary>
/// The input of <see cref="BatchOrchestration"/>: the batch, where it is (<paramref name="Phase"/>: QUEUED while it
/// starts entries, CANCELLING while it cancels them; <paramref name="Next"/>: the position of the next entry) and its
/// rate, fixed when it was scheduled so that a replay computes the same timers. Ids and positions only: no personal data.
/// </summary>
public sealed record BatchOrchestrationInput(Guid BatchId, Guid BusinessId, BatchStatus Phase, int Next, int ChunkSize, int WorkflowsPerSecond);

/// <summary>One chunk of a batch to process: from <paramref name="Next"/>, at most <paramref name="ChunkSize"/> entries.</summary>
public sealed record BatchChunkInput(Guid BatchId, Guid BusinessId, BatchStatus Phase, int Next, int ChunkSize);

/// <summary>
/// What a chunk did: the phase the batch is now in and the next position, how many workflows it started (what the rate
/// counts), and whether the batch has nothing more to do.
/// </summary>
public sealed record BatchChunkResult(BatchStatus Phase, int Next, int Started, bool Done);
