using System.Net;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using LinX.Durable.Orchestration;
using Microsoft.Extensions.Options;

namespace LinX.Durable.Storage;

/// <summary>
/// The task hub's storage: one table (<c>{hub}Instances</c>, partition = instance, holding the instance
/// row and its history rows so an episode commits in one entity-group transaction) and two queues.
/// </summary>
internal sealed class TaskHubStorage
{
    /// <summary>Queue messages are at most 64 KiB; leave room for the XML envelope.</summary>
    private const int MaxMessageChars = 60_000;

    private static readonly TimeSpan InfiniteTimeToLive = TimeSpan.FromSeconds(-1);

    private readonly Lock _createGate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxTimerDelay;
    private readonly InstanceCache _cache;
    private Task? _creating;

    public TaskHubStorage(IOptions<DurableOptions> options, DurableStorageMetrics metrics, TimeProvider time)
    {
        var o = options.Value;
        _time = time;
        _maxTimerDelay = o.MaxTimerDelay;
        _cache = new InstanceCache(o.InstanceCacheMegabytes * 1024L * 1024L);
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(metrics.Policy, HttpPipelinePosition.PerRetry);
        ConfigureRetry(tableOptions.Retry);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        queueOptions.AddPolicy(metrics.Policy, HttpPipelinePosition.PerRetry);
        ConfigureRetry(queueOptions.Retry);

        Table = new TableServiceClient(o.ConnectionString, tableOptions).GetTableClient(o.TaskHub + "Instances");
        var queues = new QueueServiceClient(o.ConnectionString, queueOptions);
        Control = queues.GetQueueClient(o.TaskHub + "-control");
        WorkItems = queues.GetQueueClient(o.TaskHub + "-workitems");
    }

    public TableClient Table { get; }

    public QueueClient Control { get; }

    public QueueClient WorkItems { get; }

    /// <summary>Creates the table and queues once per process; a failed attempt is retried by the next caller.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        lock (_createGate)
        {
            if (_creating is null || _creating.IsFaulted || _creating.IsCanceled)
            {
                _creating = CreateAsync(cancellationToken);
            }

            return _creating.IsCompletedSuccessfully ? Task.CompletedTask : _creating.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The instance row only (a point read), or null.</summary>
    public async Task<InstanceState?> ReadInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(
            InstanceKey.ToPartitionKey(instanceId), InstanceState.InstanceRowKey, cancellationToken: cancellationToken);
        return response.HasValue ? InstanceState.FromEntity(instanceId, response.Value!) : null;
    }

    /// <summary>
    /// The instance row and its whole history, or null: this process's snapshot of its last write when it has one
    /// (unless <paramref name="fresh"/>), else one partition query.
    /// </summary>
    public async Task<InstanceState?> LoadAsync(string instanceId, bool fresh, CancellationToken cancellationToken)
    {
        if (!fresh && _cache.TryGet(instanceId) is { } cached)
        {
            return cached;
        }

        return await QueryAsync(instanceId, cancellationToken);
    }

    /// <summary>Creates the instance row; false when an instance with this id already exists.</summary>
    public async Task<bool> TryCreateAsync(InstanceState state, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Table.AddEntityAsync(state.ToEntity(), cancellationToken);
            state.ETag = response.Headers.ETag ?? default;
            _cache.Set(state);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    /// <summary>
    /// Appends one history row and replaces the instance row in one entity-group transaction guarded by
    /// the instance row's ETag. Returns the new ETag, or null when another worker advanced the instance.
    /// </summary>
    public async Task<ETag?> TryCommitAsync(InstanceState state, IReadOnlyList<HistoryEvent> newEvents, CancellationToken cancellationToken)
    {
        var pk = InstanceKey.ToPartitionKey(state.InstanceId);
        var historyRow = new TableEntity(pk, InstanceState.HistoryRowKey(state.HistoryRows));
        LargeProperty.Write(historyRow, "Events", JsonSerializer.Serialize(newEvents, DurableJson.Internal));
        state.HistoryRows++;
        var instanceRow = state.ToEntity();
        try
        {
            var response = await Table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, instanceRow, state.ETag),
                    new TableTransactionAction(TableTransactionActionType.Add, historyRow),
                ],
                cancellationToken);
            state.History.AddRange(newEvents);
            var etag = response.Value[0].Headers.ETag;
            state.ETag = etag ?? default;
            _cache.Set(state);
            return etag ?? default(ETag);
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict or (int)HttpStatusCode.NotFound)
        {
            state.HistoryRows--;
            _cache.Remove(state.InstanceId);
            return null;
        }
    }

    /// <summary>Replaces the instance row if unchanged since read; false on a conflict.</summary>
    public async Task<bool> TryUpdateInstanceAsync(InstanceState state, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(state.ToEntity(), state.ETag, TableUpdateMode.Replace, cancellationToken);
            state.ETag = response.Headers.ETag ?? default;
            _cache.Set(state);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            _cache.Remove(state.InstanceId);
            return false;
        }
    }

    /// <summary>Sends a message; a timer message stays invisible until it is due (at most <see cref="DurableOptions.MaxTimerDelay"/> at a time).</summary>
    public async Task<SendReceipt> SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(entry.Message, DurableJson.Internal);
        if (body.Length > MaxMessageChars)
        {
            throw new PayloadTooLargeException($"A {entry.Message.Kind} message is {body.Length} characters; at most {MaxMessageChars} fit in a queue message.");
        }

        TimeSpan? delay = null;
        if (entry.Message.FireAt is { } fireAt)
        {
            var remaining = fireAt - _time.GetUtcNow().UtcDateTime;
            delay = remaining <= TimeSpan.Zero ? null : remaining > _maxTimerDelay ? _maxTimerDelay : remaining;
        }

        var queue = entry.ToControl ? Control : WorkItems;
        return await queue.SendMessageAsync(body, delay, InfiniteTimeToLive, cancellationToken);
    }

    /// <summary>
    /// Deletes timer messages that can no longer matter, best effort: one already received, fired or gone, or any
    /// storage error, leaves the message to arrive later and be dropped (a finished instance, a cancelled timer).
    /// </summary>
    public async Task DeleteTimersAsync(IEnumerable<PendingTimer> timers, CancellationToken cancellationToken)
    {
        await Task.WhenAll(timers.Select(async timer =>
        {
            try
            {
                await Control.DeleteMessageAsync(timer.MessageId, timer.PopReceipt, cancellationToken);
            }
            catch (RequestFailedException)
            {
                // Gone (404), received since (400: a new pop receipt) or storage trouble: it arrives later and is dropped.
            }
        }));
    }

    /// <summary>Deletes a finished instance's rows; false when there is no such instance or it still runs.</summary>
    public async Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken)
    {
        var state = await ReadInstanceAsync(instanceId, cancellationToken);
        if (state is null || !state.IsTerminal)
        {
            return false;
        }

        _cache.Remove(instanceId);
        var pk = InstanceKey.ToPartitionKey(instanceId);
        var keys = new List<TableEntity>();
        await foreach (var row in Table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {pk}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(new TableEntity(pk, row.RowKey));
        }

        // History rows first and the instance row last, so an interrupted purge can be repeated.
        var ordered = keys.Where(k => k.RowKey != InstanceState.InstanceRowKey).Append(new TableEntity(pk, InstanceState.InstanceRowKey)).ToList();
        foreach (var chunk in ordered.Chunk(100))
        {
            await Table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)), cancellationToken);
        }

        return true;
    }

    private async Task<InstanceState?> QueryAsync(string instanceId, CancellationToken cancellationToken)
    {
        TableEntity? instanceRow = null;
        var historyRows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {InstanceKey.ToPartitionKey(instanceId)}");
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (entity.RowKey == InstanceState.InstanceRowKey)
            {
                instanceRow = entity;
            }
            else
            {
                historyRows.Add(entity);
            }
        }

        if (instanceRow is null)
        {
            _cache.Remove(instanceId);
            return null;
        }

        var state = InstanceState.FromEntity(instanceId, instanceRow);
        foreach (var row in historyRows.OrderBy(r => r.RowKey, StringComparer.Ordinal))
        {
            // Rows past HistoryRows cannot exist (they commit with the instance row), but a stray one must not be replayed.
            if (string.CompareOrdinal(row.RowKey, InstanceState.HistoryRowKey(state.HistoryRows)) < 0)
            {
                state.History.AddRange(JsonSerializer.Deserialize<List<HistoryEvent>>(LargeProperty.Read(row, "Events") ?? "[]", DurableJson.Internal) ?? []);
            }
        }

        _cache.Set(state);
        return state;
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        await Table.CreateIfNotExistsAsync(cancellationToken);
        await Control.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await WorkItems.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    private static void ConfigureRetry(RetryOptions retry)
    {
        retry.MaxRetries = 4;
        retry.Delay = TimeSpan.FromMilliseconds(100);
        retry.MaxDelay = TimeSpan.FromSeconds(5);
        retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }
}
