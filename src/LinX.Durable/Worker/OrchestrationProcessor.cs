using Azure.Storage.Queues.Models;
using LinX.Core.Orchestration;
using LinX.Durable.Orchestration;
using LinX.Durable.Storage;
using Microsoft.Extensions.Logging;

namespace LinX.Durable.Worker;

/// <summary>
/// Runs one episode of one instance: take the instance (this process's snapshot, or storage), turn the received messages into new history
/// events (dropping duplicates), replay, commit history + instance row + outbox in one transaction
/// guarded by ETag, then send the outbox and delete the messages.
/// </summary>
internal sealed class OrchestrationProcessor
{
    // A control message is re-delivered after a conflict or a crash; only a message that keeps coming back
    // this often is broken for good.
    private const int MaxControlDequeueCount = 50;

    private static readonly TimeSpan TimerSkew = TimeSpan.FromSeconds(1);

    private readonly TaskHubStorage _storage;
    private readonly DurableRegistry _registry;
    private readonly DurableSignals _signals;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private long _episodes;
    private long _conflicts;

    public OrchestrationProcessor(
        TaskHubStorage storage, DurableRegistry registry, DurableSignals signals, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _storage = storage;
        _registry = registry;
        _signals = signals;
        _time = time;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<DurableWorker>();
    }

    public long EpisodesCommitted => Interlocked.Read(ref _episodes);

    public long Conflicts => Interlocked.Read(ref _conflicts);

    public async Task ProcessAsync(string instanceId, IReadOnlyList<(QueueMessage Raw, DurableMessage Message)> messages, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var state = await _storage.LoadAsync(instanceId, fresh: false, cancellationToken);
        var newEvents = state is null ? NewEvents.None : ToNewEvents(state, messages, now);
        if (state is { FromCache: true } && newEvents.IsEmpty)
        {
            // Nothing to apply by this process's snapshot: another process may have scheduled what these messages
            // answer, or purged and created the instance again. Storage decides before anything is dropped. (Any
            // commit against a stale snapshot is refused by its ETag, so only this no-commit path needs the check.)
            state = await _storage.LoadAsync(instanceId, fresh: true, cancellationToken);
            newEvents = state is null ? NewEvents.None : ToNewEvents(state, messages, now);
        }

        if (state is null)
        {
            foreach (var (_, message) in messages)
            {
                Log.UnknownInstance(_logger, message.Kind.ToString(), instanceId);
            }

            await DeleteAsync(messages, cancellationToken);
            return;
        }

        var requeued = new List<PendingTimer>();
        foreach (var timer in newEvents.EarlyTimers)
        {
            // A timer beyond the queue's visibility cap: wait another round.
            requeued.Add(Track(state, timer, await _storage.SendAsync(new OutboxEntry(true, timer), cancellationToken)));
        }

        var outboxWasPending = state.Outbox.Count > 0;
        if (outboxWasPending)
        {
            // The last episode committed but may have died before sending: send again (duplicates are dropped by history).
            await SendOutboxAsync(state, cancellationToken);
        }

        if (newEvents.IsEmpty)
        {
            // Saves the cleared outbox, and the receipts of re-queued timers (so that they can be deleted). If the
            // instance changed meanwhile, the new timer copies go and the originals come back for another try.
            var saved = (!outboxWasPending && requeued.Count == 0) || await _storage.TryUpdateInstanceAsync(state, cancellationToken);
            if (!saved && requeued.Count > 0)
            {
                await _storage.DeleteTimersAsync(requeued, cancellationToken);
                await AbandonAsync(messages, cancellationToken);
                return;
            }

            await DeleteAsync(messages, cancellationToken);
            return;
        }

        var episode = new List<HistoryEvent>(newEvents.Events.Count + 4) { new(HistoryEventType.OrchestratorStarted) { Timestamp = now } };
        episode.AddRange(newEvents.Events);
        IReadOnlyCollection<int> cancelledTimers = [];
        if (newEvents.Terminate is { } terminate)
        {
            episode.Add(new HistoryEvent(HistoryEventType.ExecutionTerminated) { Payload = terminate.Payload });
            state.Status = OrchestrationStatus.Terminated;
            state.Output = terminate.Payload;
        }
        else if (state.Status != OrchestrationStatus.Pending || episode.Any(e => e.Type == HistoryEventType.ExecutionStarted))
        {
            cancelledTimers = Run(state, episode);
        }

        state.LastUpdatedAt = now;

        // Timer messages nobody will wait for (a finished instance's, cancelled ones) leave the list in this commit
        // and the queue after it.
        state.PendingTimers.RemoveAll(t => episode.Any(e => e.Type == HistoryEventType.TimerFired && e.TaskId == t.TaskId));
        var unneededTimers = state.PendingTimers.Where(t => state.IsTerminal || cancelledTimers.Contains(t.TaskId)).ToList();
        state.PendingTimers.RemoveAll(unneededTimers.Contains);

        if (await _storage.TryCommitAsync(state, episode, cancellationToken) is null)
        {
            Interlocked.Increment(ref _conflicts);
            Log.CommitConflict(_logger, instanceId);
            await _storage.DeleteTimersAsync(requeued, cancellationToken);
            await AbandonAsync(messages, cancellationToken);
            return;
        }

        Interlocked.Increment(ref _episodes);
        if (state.IsTerminal)
        {
            Log.InstanceFinished(_logger, instanceId, state.Name, state.Status.ToString());
        }

        if (state.Outbox.Count > 0)
        {
            await SendOutboxAsync(state, cancellationToken);

            // Without the commit's ETag the outbox stays; the next episode re-sends it (duplicates are dropped).
            if (state.ETag != default)
            {
                await _storage.TryUpdateInstanceAsync(state, cancellationToken);
            }
        }

        await DeleteAsync(messages, cancellationToken);
        await _storage.DeleteTimersAsync(unneededTimers, cancellationToken);
    }

    /// <summary>Replays the orchestrator over history plus the episode; returns the timers it has cancelled.</summary>
    private IReadOnlyCollection<int> Run(InstanceState state, List<HistoryEvent> episode)
    {
        var orchestrator = _registry.FindOrchestrator(state.Name);
        ExecutionResult result;
        if (orchestrator is null)
        {
            result = new ExecutionResult([], true, null, new FailureDetails("OrchestratorNotFound", $"No orchestrator named '{state.Name}' is registered."), state.CustomStatus);
        }
        else
        {
            try
            {
                result = OrchestrationExecutor.Execute(orchestrator, state.InstanceId, state.Input, state.History, episode, _loggerFactory);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Orchestrator code threw outside its own task (e.g. from async void): the instance fails, the worker does not.
                result = new ExecutionResult([], true, null, OrchestrationExecutor.ToFailure(ex), state.CustomStatus);
            }
        }

        state.CustomStatus = result.CustomStatus;
        if (result.IsCompleted)
        {
            state.Status = result.Failure is null ? OrchestrationStatus.Completed : OrchestrationStatus.Failed;
            state.Output = result.Output;
            state.Failure = result.Failure;
            episode.Add(result.Failure is null
                ? new HistoryEvent(HistoryEventType.ExecutionCompleted) { Payload = result.Output }
                : new HistoryEvent(HistoryEventType.ExecutionFailed) { Failure = result.Failure });
            return [];
        }

        state.Status = OrchestrationStatus.Running;
        foreach (var action in result.NewActions)
        {
            if (action.Kind == ActionKind.Activity)
            {
                episode.Add(new HistoryEvent(HistoryEventType.TaskScheduled) { TaskId = action.Id, Name = action.Name });
                state.Outbox.Add(new OutboxEntry(false, new DurableMessage(MessageKind.ActivityRequest, state.InstanceId, DurableMessage.NewId())
                {
                    ExecutionId = state.ExecutionId,
                    TaskId = action.Id,
                    Name = action.Name,
                    Payload = action.Input,
                }));
            }
            else
            {
                episode.Add(new HistoryEvent(HistoryEventType.TimerCreated) { TaskId = action.Id, FireAt = action.FireAt });
                if (result.CancelledTimers.Contains(action.Id))
                {
                    continue; // created and cancelled in this episode: recorded for replay, no message to wait for
                }

                state.Outbox.Add(new OutboxEntry(true, new DurableMessage(MessageKind.TimerFired, state.InstanceId, DurableMessage.NewId())
                {
                    ExecutionId = state.ExecutionId,
                    TaskId = action.Id,
                    FireAt = action.FireAt,
                }));
            }
        }

        return result.CancelledTimers;
    }

    /// <summary>The history events the messages add to <paramref name="state"/> (duplicates and strays dropped); no I/O.</summary>
    private NewEvents ToNewEvents(InstanceState state, IReadOnlyList<(QueueMessage Raw, DurableMessage Message)> messages, DateTime now)
    {
        var seen = new HistoryIndex(state.History);
        var events = new List<HistoryEvent>();
        var earlyTimers = new List<DurableMessage>();
        DurableMessage? terminate = null;
        foreach (var (raw, message) in messages)
        {
            if (message.ExecutionId is not null && message.ExecutionId != state.ExecutionId)
            {
                continue;
            }

            if (raw.DequeueCount > MaxControlDequeueCount)
            {
                Log.PoisonControlMessage(_logger, state.InstanceId, raw.DequeueCount);
                continue;
            }

            if (state.IsTerminal)
            {
                continue;
            }

            if (message.Kind == MessageKind.TimerFired && message.FireAt > now + TimerSkew)
            {
                earlyTimers.Add(message);
                continue;
            }

            switch (message.Kind)
            {
                case MessageKind.ExecutionStarted when seen.TryStart():
                    events.Insert(0, new HistoryEvent(HistoryEventType.ExecutionStarted) { MessageId = message.Id });
                    break;
                case MessageKind.TaskCompleted when seen.TryCompleteTask(message.TaskId):
                    events.Add(new HistoryEvent(HistoryEventType.TaskCompleted) { TaskId = message.TaskId, Payload = message.Payload });
                    break;
                case MessageKind.TaskFailed when seen.TryCompleteTask(message.TaskId):
                    events.Add(new HistoryEvent(HistoryEventType.TaskFailed) { TaskId = message.TaskId, Failure = message.Failure });
                    break;
                case MessageKind.TimerFired when seen.TryFireTimer(message.TaskId):
                    events.Add(new HistoryEvent(HistoryEventType.TimerFired) { TaskId = message.TaskId });
                    break;
                case MessageKind.EventRaised when seen.TryAddEvent(message.Id):
                    events.Add(new HistoryEvent(HistoryEventType.EventRaised) { Name = message.Name, Payload = message.Payload, MessageId = message.Id });
                    break;
                case MessageKind.Terminate:
                    terminate ??= message;
                    break;
                default:
                    // A duplicate (already in history) or a result for something never scheduled: nothing to apply.
                    break;
            }
        }

        return new NewEvents(events, terminate, earlyTimers);
    }

    /// <summary>Keeps the receipt of a sent timer message in the instance row, replacing an older copy's.</summary>
    private static PendingTimer Track(InstanceState state, DurableMessage timer, SendReceipt receipt)
    {
        var pending = new PendingTimer(timer.TaskId ?? -1, receipt.MessageId, receipt.PopReceipt);
        state.PendingTimers.RemoveAll(t => t.TaskId == timer.TaskId);
        state.PendingTimers.Add(pending);
        return pending;
    }

    private async Task SendOutboxAsync(InstanceState state, CancellationToken cancellationToken)
    {
        await Task.WhenAll(state.Outbox.Select(async entry =>
        {
            var receipt = await _storage.SendAsync(entry, cancellationToken);
            if (entry.Message.Kind == MessageKind.TimerFired)
            {
                lock (state.PendingTimers)
                {
                    Track(state, entry.Message, receipt);
                }
            }
        }));
        if (state.Outbox.Any(e => !e.ToControl))
        {
            _signals.WorkItems.Set();
        }

        state.Outbox.Clear();
    }

    private async Task DeleteAsync(IReadOnlyList<(QueueMessage Raw, DurableMessage Message)> messages, CancellationToken cancellationToken)
    {
        await Task.WhenAll(messages.Select(m => _storage.Control.DeleteMessageAsync(m.Raw.MessageId, m.Raw.PopReceipt, cancellationToken)));
    }

    private async Task AbandonAsync(IReadOnlyList<(QueueMessage Raw, DurableMessage Message)> messages, CancellationToken cancellationToken)
    {
        // Come back soon, after the other worker's episode: a short random delay avoids lock-step retries.
        await Task.WhenAll(messages.Select(m => _storage.Control.UpdateMessageAsync(
            m.Raw.MessageId, m.Raw.PopReceipt, visibilityTimeout: TimeSpan.FromMilliseconds(50 + Random.Shared.Next(250)), cancellationToken: cancellationToken)));
    }

    private sealed record NewEvents(List<HistoryEvent> Events, DurableMessage? Terminate, List<DurableMessage> EarlyTimers)
    {
        public static NewEvents None { get; } = new([], null, []);

        public bool IsEmpty => Events.Count == 0 && Terminate is null;
    }
}
