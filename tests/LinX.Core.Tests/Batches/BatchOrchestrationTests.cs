using LinX.Core.Batches;
using LinX.Core.Orchestration;
using LinX.Core.Tests.Orchestration;
using Moq;

namespace LinX.Core.Tests.Batches;

/// <summary>Decision tests of <see cref="BatchOrchestration"/> on a strict Moq <c>TaskOrchestrationContext</c>.</summary>
public sealed class BatchOrchestrationTests
{
    private static readonly DateTime Start = new(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc);
    private static readonly Guid BatchId = Guid.Parse("61119e00-0805-5d17-a834-22a8c9a17b62");
    private static readonly Guid BusinessId = Guid.Parse("6e2b4f1a-8d3c-4f9b-a072-3c8e5d0f1b26");

    private readonly ScriptedContext _context = new(Start) { FireEveryTimer = true };
    private readonly Queue<BatchChunkResult> _chunks = new();

    public BatchOrchestrationTests()
    {
        _context.Answer<BatchChunkInput, BatchChunkResult>(ActivityNames.RunBatchChunk, _ => _chunks.Dequeue());
    }

    [Fact]
    public async Task RunAsync_ChunksStartingWorkflows_WaitsSoThatTheRateHolds()
    {
        // Arrange: 20 a second; chunks of 10 started, then 4 (and 6 rejected), then the end.
        _chunks.Enqueue(new BatchChunkResult(BatchStatus.Queued, 10, 10, false));
        _chunks.Enqueue(new BatchChunkResult(BatchStatus.Queued, 20, 4, false));
        _chunks.Enqueue(new BatchChunkResult(BatchStatus.Completed, 20, 0, true));

        // Act
        var ended = await _context.RunAsync(c => BatchOrchestration.RunAsync(c, Input(BatchStatus.Queued, 0)));

        // Assert
        Assert.Equal(nameof(BatchStatus.Completed), ended);
        Assert.Equal([Start.AddSeconds(0.5), Start.AddSeconds(0.7)], _context.TimersCreated);
        Assert.Equal(
            [new BatchChunkInput(BatchId, BusinessId, BatchStatus.Queued, 0, 10), new(BatchId, BusinessId, BatchStatus.Queued, 10, 10), new(BatchId, BusinessId, BatchStatus.Queued, 20, 10)],
            _context.InputsOf<BatchChunkInput>());
        Assert.All(_context.Calls, c => Assert.Same(LinxOrchestration.ActivityRetry, c.Options));
    }

    [Fact]
    public async Task RunAsync_CancelledMidway_CarriesTheCancellingPhaseToTheNextChunk()
    {
        _chunks.Enqueue(new BatchChunkResult(BatchStatus.Cancelling, 10, 0, false));
        _chunks.Enqueue(new BatchChunkResult(BatchStatus.Cancelling, 20, 0, true));

        var ended = await _context.RunAsync(c => BatchOrchestration.RunAsync(c, Input(BatchStatus.Queued, 40)));

        Assert.Equal(nameof(BatchStatus.Cancelling), ended);
        Assert.Empty(_context.TimersCreated);
        Assert.Equal([BatchStatus.Queued, BatchStatus.Cancelling], _context.InputsOf<BatchChunkInput>().Select(i => i.Phase));
        Assert.Equal([40, 10], _context.InputsOf<BatchChunkInput>().Select(i => i.Next));
    }

    [Fact]
    public async Task RunAsync_ManyChunks_ContinuesAsNewWithWhereItIs()
    {
        // Arrange
        for (var i = 1; i <= BatchOrchestration.ChunksPerGeneration; i++)
        {
            _chunks.Enqueue(new BatchChunkResult(BatchStatus.Queued, i * 10, 0, false));
        }

        object? continued = null;
        _context.Mock.Setup(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>())).Callback<object?, bool>((input, _) => continued = input);

        // Act
        await _context.RunAsync(c => BatchOrchestration.RunAsync(c, Input(BatchStatus.Queued, 0)));

        // Assert
        Assert.Equal(Input(BatchStatus.Queued, BatchOrchestration.ChunksPerGeneration * 10), continued);
        Assert.Empty(_chunks);
    }

    [Fact]
    public async Task RunAsync_ChunkFailsForGood_TriesTheSameChunkAgainLater()
    {
        var calls = 0;
        _context.Answer<BatchChunkInput, BatchChunkResult>(ActivityNames.RunBatchChunk, input =>
            ++calls == 1 ? throw ScriptedContext.Failure(ActivityNames.RunBatchChunk, "RequestFailedException", "storage down") : new BatchChunkResult(BatchStatus.Completed, 10, 0, true));

        var ended = await _context.RunAsync(c => BatchOrchestration.RunAsync(c, Input(BatchStatus.Queued, 0)));

        Assert.Equal(nameof(BatchStatus.Completed), ended);
        Assert.Equal([Start + BatchOrchestration.FailedChunkDelay], _context.TimersCreated);
        Assert.Equal([0, 0], _context.InputsOf<BatchChunkInput>().Select(i => i.Next));
    }

    private static BatchOrchestrationInput Input(BatchStatus phase, int next) => new(BatchId, BusinessId, phase, next, 10, 20);
}
