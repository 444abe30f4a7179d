using LinX.Durable.Orchestration;

namespace LinX.Durable.Worker;

/// <summary>What a history already holds, to drop re-delivered and stale messages (at-least-once delivery).</summary>
internal sealed class HistoryIndex
{
    private readonly HashSet<int> _scheduled = [];
    private readonly HashSet<int> _completed = [];
    private readonly HashSet<int> _timers = [];
    private readonly HashSet<int> _fired = [];
    private readonly HashSet<string> _events = new(StringComparer.Ordinal);
    private bool _started;

    public HistoryIndex(IEnumerable<HistoryEvent> history)
    {
        foreach (var e in history)
        {
            switch (e.Type)
            {
                case HistoryEventType.ExecutionStarted:
                    _started = true;
                    break;
                case HistoryEventType.TaskScheduled:
                    _scheduled.Add(e.TaskId ?? -1);
                    break;
                case HistoryEventType.TaskCompleted or HistoryEventType.TaskFailed:
                    _completed.Add(e.TaskId ?? -1);
                    break;
                case HistoryEventType.TimerCreated:
                    _timers.Add(e.TaskId ?? -1);
                    break;
                case HistoryEventType.TimerFired:
                    _fired.Add(e.TaskId ?? -1);
                    break;
                case HistoryEventType.EventRaised when e.MessageId is not null:
                    _events.Add(e.MessageId);
                    break;
                default:
                    break;
            }
        }
    }

    public bool TryStart()
    {
        if (_started)
        {
            return false;
        }

        _started = true;
        return true;
    }

    public bool TryCompleteTask(int? id) => id is { } i && _scheduled.Contains(i) && _completed.Add(i);

    public bool TryFireTimer(int? id) => id is { } i && _timers.Contains(i) && _fired.Add(i);

    public bool TryAddEvent(string messageId) => _events.Add(messageId);
}
