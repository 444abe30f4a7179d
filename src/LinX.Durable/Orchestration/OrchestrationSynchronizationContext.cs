using System.Collections.Concurrent;

namespace LinX.Durable.Orchestration;

/// <summary>
/// Runs orchestrator continuations on the replaying thread, one after the other, in the order they were
/// posted: awaits inside orchestrator code never hop to the thread pool, so a replay is deterministic.
/// </summary>
internal sealed class OrchestrationSynchronizationContext : SynchronizationContext
{
    // Concurrent only because badly written orchestrator code may post from another thread after the episode.
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _queue = new();

    public override void Post(SendOrPostCallback d, object? state) => _queue.Enqueue((d, state));

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    public void RunPending()
    {
        while (_queue.TryDequeue(out var work))
        {
            work.Callback(work.State);
        }
    }
}
