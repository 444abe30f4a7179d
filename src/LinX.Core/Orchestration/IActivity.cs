namespace LinX.Core.Orchestration;

/// <summary>
/// One activity: the unit of I/O an orchestrator schedules. Activities run at least once, so every
/// implementation must be idempotent: a re-run with the same input returns the first result and
/// repeats no side effect.
/// </summary>
public interface IActivity<in TInput, TOutput>
{
    Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken);
}
