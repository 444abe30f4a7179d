using LinX.Core.Orchestration;
using Microsoft.DurableTask;

namespace LinX.Core.Batches;

/// <summary>
/// Starts a batch's valid entries at a bounded rate, durably: one activity per chunk (<see cref="RunBatchChunkActivity"/>),
/// a durable timer after each chunk so that no more than <see cref="BatchOrchestrationInput.WorkflowsPerSecond"/> start,
/// and ContinueAsNew every <see cref="ChunksPerGeneration"/> chunks to keep the history small. It holds only positions:
/// which entries are done is in storage, and each entry's workflow has a key derived from (batch, position), so a chunk
/// that runs again (after a crash) starts nothing twice. The same loop cancels a cancelled batch's entries. Deterministic.
/// </summary>
public static class BatchOrchestration
{
    public const string Name = nameof(BatchOrchestration);

    /// <summary>Chunks between two ContinueAsNew.</summary>
    public const int ChunksPerGeneration = 20;

    /// <summary>How long to wait before trying a chunk again whose activity failed for good (storage down).</summary>
    public static readonly TimeSpan FailedChunkDelay = TimeSpan.FromMinutes(1);

    /// <summary>The instance of a batch: derived from its id, so scheduling is idempotent.</summary>
    public static string InstanceIdOf(Guid batchId) => $"batch-{batchId:N}";

    /// <summary>Runs the batch; returns its phase when it has nothing more to do.</summary>
    public static async Task<string> RunAsync(TaskOrchestrationContext context, BatchOrchestrationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var state = input;
        for (var chunk = 0; chunk < ChunksPerGeneration; chunk++)
        {
            var began = context.CurrentUtcDateTime;
            BatchChunkResult result;
            try
            {
                result = await context.CallActivityAsync<BatchChunkResult>(
                    ActivityNames.RunBatchChunk,
                    new BatchChunkInput(state.BatchId, state.BusinessId, state.Phase, state.Next, state.ChunkSize),
                    LinxOrchestration.ActivityRetry);
            }
            catch (TaskFailedException)
            {
                // Entries are never lost: the same chunk again, later (nothing of it starts twice).
                await context.CreateTimer(context.CurrentUtcDateTime + FailedChunkDelay, CancellationToken.None);
                continue;
            }

            if (result.Done)
            {
                return result.Phase.ToString();
            }

            state = state with { Phase = result.Phase, Next = result.Next };
            var due = began + TimeSpan.FromSeconds(result.Started / (double)state.WorkflowsPerSecond);
            if (due > context.CurrentUtcDateTime)
            {
                await context.CreateTimer(due, CancellationToken.None);
            }
        }

        context.ContinueAsNew(state);
        return state.Phase.ToString();
    }
}
