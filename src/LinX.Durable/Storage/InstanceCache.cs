using Azure;

namespace LinX.Durable.Storage;

/// <summary>
/// Snapshots of the instances this process last wrote (row and history), most recently used first, within a size
/// budget. An episode starts from the snapshot instead of reading storage, and commits with the snapshot's ETag:
/// if another worker wrote the instance since, the commit is refused, the snapshot dropped and the episode retried
/// from storage. Decisions taken without a commit are safe on a stale snapshot too: history only grows, so an event
/// the snapshot already holds is a duplicate, and a message of another execution makes the caller read storage.
/// </summary>
internal sealed class InstanceCache
{
    // A history event's fixed cost (object, record fields, list slot), on top of its strings.
    private const long EventOverheadBytes = 120;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly long _budgetBytes;
    private long _bytes;

    public InstanceCache(long budgetBytes) => _budgetBytes = budgetBytes;

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

    /// <summary>A copy of the snapshot (marked <see cref="InstanceState.FromCache"/>), or null.</summary>
    public InstanceState? TryGet(string instanceId)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(instanceId, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.State.Clone(fromCache: true);
        }
    }

    /// <summary>Remembers <paramref name="state"/> as just written or read; without an ETag it cannot be committed against, so it is forgotten.</summary>
    public void Set(InstanceState state)
    {
        if (state.ETag == default)
        {
            Remove(state.InstanceId);
            return;
        }

        var entry = new Entry(state.Clone(fromCache: true), SizeOf(state));
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

            _entries[state.InstanceId] = _recency.AddFirst(entry);
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
        long chars = state.InstanceId.Length + (state.Input?.Length ?? 0) + (state.Output?.Length ?? 0) + (state.CustomStatus?.Length ?? 0)
            + state.Outbox.Sum(e => e.Message.Payload?.Length ?? 0);
        long bytes = 400 + (2 * chars) + (100L * (state.Outbox.Count + state.PendingTimers.Count));
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
        _entries.Remove(node.Value.State.InstanceId);
        _bytes -= node.Value.Bytes;
    }

    private sealed record Entry(InstanceState State, long Bytes);
}
