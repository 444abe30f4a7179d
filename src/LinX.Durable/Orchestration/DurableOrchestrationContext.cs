using System.Globalization;
using LinX.Core.Orchestration;
using Microsoft.Extensions.Logging;

namespace LinX.Durable.Orchestration;

/// <summary>
/// <see cref="IOrchestrationContext"/> over a replayed history. Every activity call and timer gets the
/// next sequence number; the executor completes them from history events and checks that what the
/// code asks for matches what history recorded at the same number.
/// </summary>
internal sealed class DurableOrchestrationContext : IOrchestrationContext
{
    /// <summary>Largest custom status accepted, as in Durable Functions.</summary>
    public const int MaxCustomStatusChars = 16 * 1024;

    private readonly string? _input;
    private readonly ILoggerFactory _loggerFactory;
    private readonly Dictionary<int, OrchestratorAction> _actions = [];
    private readonly Dictionary<int, PendingTask> _pending = [];
    private readonly HashSet<int> _recorded = [];
    private readonly Dictionary<int, Task> _timers = [];
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<string?>> _buffered = new(StringComparer.OrdinalIgnoreCase);
    private int _nextId;
    private int _guidCounter;

    public DurableOrchestrationContext(string instanceId, string? input, ILoggerFactory loggerFactory)
    {
        InstanceId = instanceId;
        _input = input;
        _loggerFactory = loggerFactory;
    }

    public string InstanceId { get; }

    public DateTime CurrentUtcDateTime { get; internal set; }

    public bool IsReplaying { get; internal set; }

    /// <summary>Custom status as last set by the code (JSON), or null.</summary>
    public string? CustomStatus { get; private set; }

    public Guid NewGuid() => DeterministicGuid.Create(string.Join(
        '_', InstanceId, CurrentUtcDateTime.ToString("o", CultureInfo.InvariantCulture), (_guidCounter++).ToString(CultureInfo.InvariantCulture)));

    public T? GetInput<T>() => DurableJson.Deserialize<T>(_input);

    public async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ActivityOptions? options = null) =>
        DurableJson.Deserialize<TResult>(await CallWithRetryAsync(name, DurableJson.Serialize(input), options?.Retry))!;

    public Task CallActivityAsync(string name, object? input = null, ActivityOptions? options = null) =>
        CallWithRetryAsync(name, DurableJson.Serialize(input), options?.Retry);

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var utc = fireAt.Kind switch
        {
            DateTimeKind.Local => fireAt.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(fireAt, DateTimeKind.Utc),
            _ => fireAt,
        };
        var id = _nextId;
        var source = Schedule(new OrchestratorAction(id, ActionKind.Timer, "timer", null, utc));
        _timers[id] = source.Task;
        if (cancellationToken.CanBeCanceled)
        {
            // Runs on the orchestrator's thread when the code cancels: the timer completes as cancelled and
            // its later TimerFired event finds nothing to complete.
            cancellationToken.Register(() => source.TrySetCanceled(cancellationToken));
        }

        return source.Task;
    }

    public async Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        if (_buffered.TryGetValue(eventName, out var queue) && queue.Count > 0)
        {
            return DurableJson.Deserialize<T>(queue.Dequeue())!;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var source = new TaskCompletionSource<string?>();
        if (!_waiters.TryGetValue(eventName, out var list))
        {
            _waiters[eventName] = list = new LinkedList<TaskCompletionSource<string?>>();
        }

        var node = list.AddLast(source);
        using var registration = cancellationToken.Register(() =>
        {
            if (node.List is not null)
            {
                list.Remove(node);
            }

            source.TrySetCanceled(cancellationToken);
        });
        return DurableJson.Deserialize<T>(await source.Task)!;
    }

    public void SetCustomStatus(object? customStatus)
    {
        var json = DurableJson.Serialize(customStatus);
        if (json is { Length: > MaxCustomStatusChars })
        {
            throw new ArgumentException($"The custom status is {json.Length} characters serialized; at most {MaxCustomStatusChars} are allowed.", nameof(customStatus));
        }

        CustomStatus = json;
    }

    public ILogger CreateReplaySafeLogger<T>() => new ReplaySafeLogger(_loggerFactory.CreateLogger<T>(), () => IsReplaying);

    /// <summary>Actions the code took that history has not recorded yet: this episode's new work.</summary>
    public IEnumerable<OrchestratorAction> NewActions => _actions.Values.Where(a => !_recorded.Contains(a.Id)).OrderBy(a => a.Id);

    /// <summary>Timers the code cancelled before they fired: their messages are not needed any more.</summary>
    public IReadOnlyCollection<int> CancelledTimers => [.. _timers.Where(t => t.Value.IsCanceled).Select(t => t.Key)];

    /// <summary>Checks a TaskScheduled/TimerCreated event against what the code asked for at that number.</summary>
    public void VerifyRecorded(HistoryEvent recorded)
    {
        var id = recorded.TaskId ?? -1;
        var kind = recorded.Type == HistoryEventType.TimerCreated ? ActionKind.Timer : ActionKind.Activity;
        var what = kind == ActionKind.Timer ? "a timer" : $"activity '{recorded.Name}'";
        if (!_actions.TryGetValue(id, out var action))
        {
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestrator: history has {what} at sequence #{id}, but the replay did not schedule anything there.");
        }

        if (action.Kind != kind || (kind == ActionKind.Activity && !string.Equals(action.Name, recorded.Name, StringComparison.Ordinal)))
        {
            var did = action.Kind == ActionKind.Timer ? "a timer" : $"activity '{action.Name}'";
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestrator: history has {what} at sequence #{id}, but the replay scheduled {did}.");
        }

        _recorded.Add(id);
    }

    public void CompleteActivity(int id, string? result) => TakeActivity(id).Source.TrySetResult(result);

    public void FailActivity(int id, FailureDetails failure)
    {
        var pending = TakeActivity(id);
        pending.Source.TrySetException(new ActivityFailedException(pending.Name, failure));
    }

    public void FireTimer(int id)
    {
        // A cancelled timer's TimerFired finds its task already cancelled: nothing runs.
        if (_pending.Remove(id, out var pending))
        {
            pending.Source.TrySetResult(null);
        }
    }

    public void DeliverEvent(string name, string? payload)
    {
        if (_waiters.TryGetValue(name, out var list) && list.First is { } first)
        {
            list.RemoveFirst();
            first.Value.TrySetResult(payload);
            return;
        }

        if (!_buffered.TryGetValue(name, out var queue))
        {
            _buffered[name] = queue = new Queue<string?>();
        }

        queue.Enqueue(payload);
    }

    private async Task<string?> CallWithRetryAsync(string name, string? input, ActivityRetryPolicy? retry)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Schedule(new OrchestratorAction(_nextId, ActionKind.Activity, name, input, null)).Task;
            }
            catch (ActivityFailedException) when (retry is not null && attempt < retry.MaxNumberOfAttempts)
            {
                // The back-off is a durable timer, so retries survive restarts and replay identically.
                await CreateTimer(CurrentUtcDateTime + retry.DelayBefore(attempt), CancellationToken.None);
            }
        }
    }

    private TaskCompletionSource<string?> Schedule(OrchestratorAction action)
    {
        _nextId++;
        _actions[action.Id] = action;
        var source = new TaskCompletionSource<string?>();
        _pending[action.Id] = new PendingTask(action.Name, action.Kind, source);
        return source;
    }

    private PendingTask TakeActivity(int id)
    {
        if (!_pending.Remove(id, out var pending) || pending.Kind != ActionKind.Activity)
        {
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestrator: history has a result for activity #{id}, which the replay has no pending call for.");
        }

        return pending;
    }

    private sealed record PendingTask(string Name, ActionKind Kind, TaskCompletionSource<string?> Source);
}
