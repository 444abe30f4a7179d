namespace LinX.Durable.Worker;

/// <summary>
/// In-process wake-ups: whoever in this process sends to a queue wakes that queue's poller, so work
/// started here does not wait out the idle back-off. Other processes still find it by polling.
/// </summary>
internal sealed class DurableSignals
{
    public WakeUp Control { get; } = new();

    public WakeUp WorkItems { get; } = new();

    internal sealed class WakeUp
    {
        private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Set() => Volatile.Read(ref _signal).TrySetResult();

        /// <summary>Waits for a wake-up or the timeout, then re-arms; a wake-up that came meanwhile is consumed.</summary>
        public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            var current = Volatile.Read(ref _signal);
            try
            {
                await current.Task.WaitAsync(timeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Nobody in this process sent anything: poll anyway (other processes may have).
            }

            if (current.Task.IsCompleted)
            {
                Interlocked.CompareExchange(ref _signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
            }
        }
    }
}
