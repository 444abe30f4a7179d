using LinX.Durable.Orchestration;

namespace LinX.Durable.Storage;

/// <summary>
/// The histories this process last wrote or read, most recently used first, within a size budget. History
/// rows are append-only and the instance row counts them, so a cached history is current exactly when the
/// freshly read instance row has the same execution and the same row count: an episode then needs one point
/// read instead of a partition query. Another worker's commit changes the count and the cache is bypassed.
/// </summary>
internal sealed class HistoryCache
{
    // A history event's fixed cost (object, record fields, list slot), on top of its strings.
    private const long EventOverheadBytes = 120;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly long _budgetBytes;
    private long _bytes;

    public HistoryCache(long budgetBytes) => _budgetBytes = budgetBytes;

    /// <summary>Approximate bytes held.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public bool Contains(string instanceId)
    {
        lock (_gate)
        {
            return _entries.ContainsKey(instanceId);
        }
    }

    /// <summary>The cached history when it is the one the instance row describes.</summary>
    public IReadOnlyList<HistoryEvent>? TryGet(string instanceId, string executionId, int historyRows)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(instanceId, out var node))
            {
                return null;
            }

            if (node.Value.ExecutionId != executionId || node.Value.HistoryRows != historyRows)
            {
                Remove(node);
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Events;
        }
    }

    /// <summary>Remembers the history of <paramref name="state"/> as it is now (after a load or a commit).</summary>
    public void Set(InstanceState state)
    {
        var entry = new Entry(state.InstanceId, state.ExecutionId, state.HistoryRows, [.. state.History], SizeOf(state));
        lock (_gate)
        {
            if (_entries.TryGetValue(state.InstanceId, out var existing))
            {
                Remove(existing);
            }

            if (entry.Bytes > _budgetBytes)
            {
                return;
            }

            _entries[entry.InstanceId] = _recency.AddFirst(entry);
            _bytes += entry.Bytes;
            while (_bytes > _budgetBytes && _recency.Last is { } oldest)
            {
                Remove(oldest);
            }
        }
    }

    public void Remove(string instanceId)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(instanceId, out var node))
            {
                Remove(node);
            }
        }
    }

    private static long SizeOf(InstanceState state)
    {
        long bytes = 200 + (state.InstanceId.Length * 2);
        foreach (var e in state.History)
        {
            bytes += EventOverheadBytes + (2L * ((e.Name?.Length ?? 0) + (e.Payload?.Length ?? 0) + (e.MessageId?.Length ?? 0)
                + (e.Failure is null ? 0 : e.Failure.ErrorMessage.Length + (e.Failure.StackTrace?.Length ?? 0))));
        }

        return bytes;
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.InstanceId);
        _bytes -= node.Value.Bytes;
    }

    private sealed record Entry(string InstanceId, string ExecutionId, int HistoryRows, HistoryEvent[] Events, long Bytes);
}
