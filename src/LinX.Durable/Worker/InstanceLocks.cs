namespace LinX.Durable.Worker;

/// <summary>
/// One episode at a time per instance inside this process (across processes the instance row's ETag
/// decides). Entries exist only while held or awaited, so idle instances cost no memory.
/// </summary>
internal sealed class InstanceLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(instanceId, out entry!))
            {
                _entries[instanceId] = entry = new Entry();
            }

            entry.References++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(instanceId, entry, held: false);
            throw;
        }

        return new Releaser(this, instanceId, entry);
    }

    private void Release(string instanceId, Entry entry, bool held)
    {
        if (held)
        {
            entry.Semaphore.Release();
        }

        lock (_entries)
        {
            if (--entry.References == 0)
            {
                _entries.Remove(instanceId);
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int References { get; set; }
    }

    private sealed class Releaser(InstanceLocks owner, string instanceId, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release(instanceId, entry, held: true);
            }
        }
    }
}
