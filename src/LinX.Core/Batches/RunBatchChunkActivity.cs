using LinX.Core.Businesses;
using LinX.Core.Orchestration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LinX.Core.Batches;

/// <summary>
/// One chunk of <see cref="BatchOrchestration"/>: picks up a NEW batch (QUEUED), starts the chunk's entries (a few at a
/// time) or, once the batch is CANCELLING, cancels them, and ends the batch COMPLETED (INVALID when no entry started)
/// after its last entry. Idempotent: every entry's state is in storage, and a re-run skips what is done.
/// </summary>
public sealed class RunBatchChunkActivity : IActivity<BatchChunkInput, BatchChunkResult>
{
    private static readonly BatchStatus[] Open = [BatchStatus.New, BatchStatus.Queued];

    private readonly IBatchStore _batches;
    private readonly IBusinessStore _businesses;
    private readonly IBatchTemplates _templates;
    private readonly BatchEntryStarter _starter;
    private readonly BatchOptions _options;
    private readonly ILogger<RunBatchChunkActivity> _logger;

    public RunBatchChunkActivity(
        IBatchStore batches, IBusinessStore businesses, IBatchTemplates templates, BatchEntryStarter starter, IOptions<BatchOptions> options, ILogger<RunBatchChunkActivity> logger)
    {
        _batches = batches;
        _businesses = businesses;
        _templates = templates;
        _starter = starter;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<BatchChunkResult> RunAsync(BatchChunkInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var batch = await _batches.GetAsync(input.BusinessId, input.BatchId, cancellationToken);
        var business = await _businesses.GetAsync(input.BusinessId, cancellationToken);
        if (batch is null || business is null)
        {
            return new BatchChunkResult(input.Phase, input.Next, 0, Done: true);
        }

        if (batch.Status == BatchStatus.New && await _batches.TrySetStatusAsync(batch.BusinessId, batch.BatchId, [BatchStatus.New], BatchStatus.Queued, cancellationToken))
        {
            batch = batch with { Status = BatchStatus.Queued };
            _logger.BatchQueued(batch.BatchId, batch.EntryCount);
        }

        return batch.Status switch
        {
            BatchStatus.Cancelling => await CancelChunkAsync(business, batch, input.Phase == BatchStatus.Cancelling ? input.Next : 0, input.ChunkSize, cancellationToken),
            BatchStatus.Queued => await StartChunkAsync(business, batch, input, cancellationToken),
            _ => new BatchChunkResult(batch.Status, input.Next, 0, Done: true),
        };
    }

    private async Task<BatchChunkResult> StartChunkAsync(Business business, BatchRecord batch, BatchChunkInput input, CancellationToken cancellationToken)
    {
        var compose = await _templates.ComposerAsync(business, batch.Template, cancellationToken);
        if (compose is null)
        {
            await _batches.TrySetStatusAsync(batch.BusinessId, batch.BatchId, Open, BatchStatus.Failed, cancellationToken);
            _logger.BatchEnded(batch.BatchId, BatchStatus.Failed.ToString(), 0);
            return new BatchChunkResult(BatchStatus.Failed, input.Next, 0, Done: true);
        }

        var entries = await _batches.GetEntriesAsync(batch.BatchId, input.Next, input.ChunkSize, cancellationToken);
        var started = 0;
        await Parallel.ForEachAsync(
            entries,
            new ParallelOptions { MaxDegreeOfParallelism = _options.StartConcurrency, CancellationToken = cancellationToken },
            async (entry, ct) =>
            {
                if (await _starter.StartAsync(business, batch.BatchId, entry, compose, ct))
                {
                    Interlocked.Increment(ref started);
                }
            });

        var next = input.Next + entries.Count;
        if (next < batch.EntryCount)
        {
            return new BatchChunkResult(BatchStatus.Queued, next, started, Done: false);
        }

        var counts = await _batches.GetCountsAsync(batch.BatchId, cancellationToken);
        var end = counts.Started == 0 ? BatchStatus.Invalid : BatchStatus.Completed;
        if (await _batches.TrySetStatusAsync(batch.BusinessId, batch.BatchId, Open, end, cancellationToken))
        {
            _logger.BatchEnded(batch.BatchId, end.ToString(), counts.Started);
            return new BatchChunkResult(end, next, started, Done: true);
        }

        // Cancelled meanwhile: the next chunk cancels from the first entry.
        return new BatchChunkResult(BatchStatus.Queued, next, started, Done: false);
    }

    private async Task<BatchChunkResult> CancelChunkAsync(Business business, BatchRecord batch, int from, int size, CancellationToken cancellationToken)
    {
        var entries = await _batches.GetEntriesAsync(batch.BatchId, from, size, cancellationToken);
        foreach (var entry in entries)
        {
            await _starter.CancelAsync(business, batch.BatchId, entry, cancellationToken);
        }

        var next = from + entries.Count;
        var done = next >= batch.EntryCount;
        if (done)
        {
            _logger.BatchEnded(batch.BatchId, BatchStatus.Cancelling.ToString(), 0);
        }

        return new BatchChunkResult(BatchStatus.Cancelling, next, 0, done);
    }
}
