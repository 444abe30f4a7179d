using LinX.Core.Orchestration;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace LinX.Functions.Orchestration;

/// <summary>
/// <see cref="IOrchestrationContext"/> over Durable Functions' <see cref="TaskOrchestrationContext"/>, member for
/// member, so the orchestrator written once in LinX.Core runs unchanged on Azure Durable Functions. Nothing here
/// may add behaviour: the embedded runtime (LinX.Durable) implements the same contract and is what the tests run.
/// </summary>
public sealed class TaskOrchestrationContextAdapter : IOrchestrationContext
{
    private readonly TaskOrchestrationContext _context;

    public TaskOrchestrationContextAdapter(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    public string InstanceId => _context.InstanceId;

    public DateTime CurrentUtcDateTime => _context.CurrentUtcDateTime;

    public bool IsReplaying => _context.IsReplaying;

    public Guid NewGuid() => _context.NewGuid();

    public T? GetInput<T>() => _context.GetInput<T>();

    // No ConfigureAwait(false) in this class: orchestrator continuations must stay on the Durable
    // orchestration's synchronization context to replay deterministically.
    public async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ActivityOptions? options = null)
    {
        try
        {
            return await _context.CallActivityAsync<TResult>(name, input, ToTaskOptions(options));
        }
        catch (TaskFailedException exception)
        {
            throw ToActivityFailed(name, exception);
        }
    }

    public async Task CallActivityAsync(string name, object? input = null, ActivityOptions? options = null)
    {
        try
        {
            await _context.CallActivityAsync(name, input, ToTaskOptions(options));
        }
        catch (TaskFailedException exception)
        {
            throw ToActivityFailed(name, exception);
        }
    }

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) =>
        _context.CreateTimer(fireAt, cancellationToken);

    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        _context.WaitForExternalEvent<T>(eventName, cancellationToken);

    public void SetCustomStatus(object? customStatus) => _context.SetCustomStatus(customStatus);

    public ILogger CreateReplaySafeLogger<T>() => _context.CreateReplaySafeLogger<T>();

    private static TaskOptions? ToTaskOptions(ActivityOptions? options) =>
        options?.Retry is { } retry
            ? TaskOptions.FromRetryPolicy(new RetryPolicy(
                retry.MaxNumberOfAttempts,
                retry.FirstRetryInterval,
                retry.BackoffCoefficient,
                retry.MaxRetryInterval))
            : null;

    private static ActivityFailedException ToActivityFailed(string name, TaskFailedException exception)
    {
        var failure = exception.FailureDetails;
        return new ActivityFailedException(
            name, new FailureDetails(failure.ErrorType, failure.ErrorMessage, failure.StackTrace));
    }
}
