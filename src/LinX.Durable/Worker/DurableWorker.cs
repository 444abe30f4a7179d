using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using LinX.Durable.Orchestration;
using LinX.Durable.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LinX.Durable.Worker;

/// <summary>
/// The durable runtime's worker: polls the control queue (orchestration episodes) and the work-item
/// queue (activities) with idle back-off, within the configured concurrency. Registered as a hosted
/// service; tests drive it directly with <see cref="StartAsync"/>, <see cref="StopAsync"/> (graceful:
/// finishes in-flight work) and <see cref="DisposeAsync"/> (abrupt: abandons in-flight work, as a crash would).
/// </summary>
public sealed class DurableWorker : IHostedService, IAsyncDisposable
{
    private const int MaxBatch = 32;

    private readonly TaskHubStorage _storage;
    private readonly DurableOptions _options;
    private readonly DurableSignals _signals;
    private readonly ILogger _logger;
    private readonly OrchestrationProcessor _orchestrations;
    private readonly ActivityProcessor _activities;
    private readonly InstanceLocks _locks = new();
    private readonly SemaphoreSlim _orchestrationSlots;
    private readonly SemaphoreSlim _activitySlots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    // Activity tasks running in this process, by (instance, execution, task id): a second copy of one (its message
    // re-sent from a recovered outbox, or visible again after a late renewal) waits until the first is done, so
    // that an activity's check-then-act (e.g. "has this SMS been sent?") never races itself.
    private readonly ConcurrentDictionary<string, byte> _runningActivities = new(StringComparer.Ordinal);
    private long _deferred;
    private Task[] _loops = [];

    internal DurableWorker(
        TaskHubStorage storage,
        DurableRegistry registry,
        IServiceScopeFactory scopes,
        DurableSignals signals,
        IOptions<DurableOptions> options,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        _storage = storage;
        _options = options.Value;
        _signals = signals;
        _logger = loggerFactory.CreateLogger<DurableWorker>();
        _orchestrations = new OrchestrationProcessor(storage, registry, signals, time, loggerFactory);
        _activities = new ActivityProcessor(storage, registry, scopes, signals, _options, _logger);
        _orchestrationSlots = new SemaphoreSlim(_options.MaxConcurrentOrchestrations, _options.MaxConcurrentOrchestrations);
        _activitySlots = new SemaphoreSlim(_options.MaxConcurrentActivities, _options.MaxConcurrentActivities);
    }

    /// <summary>Episodes this worker committed (for tests and benchmarks).</summary>
    public long EpisodesCommitted => _orchestrations.EpisodesCommitted;

    /// <summary>Episodes this worker discarded because another worker advanced the instance first.</summary>
    public long Conflicts => _orchestrations.Conflicts;

    /// <summary>Activity messages put back because the same activity task was already running in this process.</summary>
    public long ActivitiesDeferred => Interlocked.Read(ref _deferred);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _storage.EnsureCreatedAsync(cancellationToken);
        _loops =
        [
            Task.Run(() => PollAsync(_storage.Control, _orchestrationSlots, _signals.Control, DispatchControl), CancellationToken.None),
            Task.Run(() => PollAsync(_storage.WorkItems, _activitySlots, _signals.WorkItems, DispatchActivities), CancellationToken.None),
        ];
        Log.WorkerStarted(_logger, _options.TaskHub);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops);
        try
        {
            await Task.WhenAll(_inFlight.Keys).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _abort.CancelAsync();
        }

        Log.WorkerStopped(_logger, _options.TaskHub);
    }

    /// <summary>Stops at once without draining: in-flight work is abandoned and its messages reappear later.</summary>
    public async ValueTask DisposeAsync()
    {
        await _abort.CancelAsync();
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops);
    }

    private async Task PollAsync(
        QueueClient queue, SemaphoreSlim slots, DurableSignals.WakeUp wakeUp, Action<QueueMessage[]> dispatch)
    {
        var stopping = _stopping.Token;
        var delay = _options.MinPollingInterval;
        while (!stopping.IsCancellationRequested)
        {
            var taken = 0;
            var received = 0;
            try
            {
                await slots.WaitAsync(stopping);
                taken = 1;
                while (taken < MaxBatch && slots.Wait(0))
                {
                    taken++;
                }

                var visibility = queue == _storage.Control ? _options.ControlVisibilityTimeout : _options.ActivityVisibilityTimeout;
                var messages = (await queue.ReceiveMessagesAsync(taken, visibility, stopping)).Value;
                received = messages.Length;
                var asked = taken;
                if (taken > messages.Length)
                {
                    slots.Release(taken - messages.Length);
                }

                taken = 0;
                if (messages.Length > 0)
                {
                    dispatch(messages);
                    delay = _options.MinPollingInterval;

                    // A full batch means more may be waiting; after a partial one the queue is drained, and
                    // polling again at once would mostly come back empty: wait for a wake-up or the minimum.
                    if (messages.Length == asked)
                    {
                        continue;
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Log.PollFailed(_logger, queue.Name, ex);
            }
            finally
            {
                if (taken > 0)
                {
                    slots.Release(taken);
                }
            }

            try
            {
                await wakeUp.WaitAsync(delay, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (received == 0)
            {
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxPollingInterval.Ticks));
            }
        }
    }

    private void DispatchControl(QueueMessage[] messages)
    {
        var groups = new Dictionary<string, List<(QueueMessage, DurableMessage)>>(StringComparer.Ordinal);
        var unreadable = 0;
        foreach (var raw in messages)
        {
            if (Parse(_storage.Control, raw) is { } message)
            {
                if (!groups.TryGetValue(message.InstanceId, out var list))
                {
                    groups[message.InstanceId] = list = [];
                }

                list.Add((raw, message));
            }
            else
            {
                unreadable++;
            }
        }

        if (unreadable > 0)
        {
            _orchestrationSlots.Release(unreadable);
        }

        foreach (var (instanceId, group) in groups)
        {
            Track(RunEpisodeAsync(instanceId, group), _orchestrationSlots, group.Count);
        }
    }

    private void DispatchActivities(QueueMessage[] messages)
    {
        foreach (var raw in messages)
        {
            if (Parse(_storage.WorkItems, raw) is { } message)
            {
                Track(RunActivityAsync(raw, message), _activitySlots, 1);
            }
            else
            {
                _activitySlots.Release();
            }
        }
    }

    private async Task RunEpisodeAsync(string instanceId, List<(QueueMessage, DurableMessage)> messages)
    {
        var abort = _abort.Token;
        await Task.Yield();
        try
        {
            using var held = await _locks.AcquireAsync(instanceId, abort);
            await _orchestrations.ProcessAsync(instanceId, messages, abort);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Abrupt stop: the messages reappear after their visibility timeout.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.EpisodeFailed(_logger, instanceId, ex);
        }
    }

    private async Task RunActivityAsync(QueueMessage raw, DurableMessage message)
    {
        var abort = _abort.Token;
        await Task.Yield();
        var key = $"{message.InstanceId}|{message.ExecutionId}|{message.TaskId}";
        if (!_runningActivities.TryAdd(key, 0))
        {
            await DeferAsync(raw, message, abort);
            return;
        }

        try
        {
            await _activities.ProcessAsync(raw, message, abort);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Abrupt stop: the activity runs again elsewhere (at-least-once).
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.ActivityDispatchFailed(_logger, message.Name ?? string.Empty, message.InstanceId, ex);
        }
        finally
        {
            _runningActivities.TryRemove(key, out _);
        }
    }

    /// <summary>Hides a second copy of a running activity for a while; it runs after the first (and finds its effect done).</summary>
    private async Task DeferAsync(QueueMessage raw, DurableMessage message, CancellationToken abort)
    {
        try
        {
            await _storage.WorkItems.UpdateMessageAsync(raw.MessageId, raw.PopReceipt, visibilityTimeout: _options.ActivityVisibilityTimeout, cancellationToken: abort);
            Interlocked.Increment(ref _deferred);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Abrupt stop: it reappears after its visibility timeout.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // It reappears after its current visibility timeout anyway.
            Log.ActivityDispatchFailed(_logger, message.Name ?? string.Empty, message.InstanceId, ex);
        }
    }

    private void Track(Task work, SemaphoreSlim slots, int count)
    {
        _inFlight.TryAdd(work, 0);
        work.ContinueWith(
            (t, _) =>
            {
                slots.Release(count);
                _inFlight.TryRemove(t, out var _);
            },
            null,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private DurableMessage? Parse(QueueClient queue, QueueMessage raw)
    {
        try
        {
            return JsonSerializer.Deserialize<DurableMessage>(raw.Body.ToString(), DurableJson.Internal);
        }
        catch (JsonException ex)
        {
            Log.UnreadableMessage(_logger, queue.Name, ex);
            _ = queue.DeleteMessageAsync(raw.MessageId, raw.PopReceipt, CancellationToken.None);
            return null;
        }
    }
}
