using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using LinX.Testing;

namespace LinX.Bench;

/// <summary>
/// Azurite's capacity for the exact storage requests one create makes (measured by the counters: 2 point reads that
/// hit, 1 that misses, 1 two-entity batch in one partition, 1 upsert, 1 insert, 1 queue message), issued straight
/// from the SDK with no LinX in between: the storage-bound limit for creates, request mix included.
/// </summary>
internal sealed class RawCreateMix
{
    private readonly TableClient _keys;
    private readonly TableClient _workflows;
    private readonly TableClient _tokens;
    private readonly TableClient _instances;
    private readonly QueueClient _queue;

    private RawCreateMix(string connectionString)
    {
        var tables = new TableServiceClient(connectionString);
        var prefix = AzuriteFixture.UniqueName("mix");
        _keys = tables.GetTableClient(prefix + "Keys");
        _workflows = tables.GetTableClient(prefix + "Workflows");
        _tokens = tables.GetTableClient(prefix + "Tokens");
        _instances = tables.GetTableClient(prefix + "Instances");
        _queue = new QueueServiceClient(connectionString).GetQueueClient(prefix + "-control");
    }

    public static async Task<RawCreateMix> CreateAsync(string connectionString)
    {
        var mix = new RawCreateMix(connectionString);
        foreach (var table in new[] { mix._keys, mix._workflows, mix._tokens, mix._instances })
        {
            await table.CreateIfNotExistsAsync();
        }

        await mix._queue.CreateIfNotExistsAsync();
        await mix._keys.UpsertEntityAsync(new TableEntity("key", "hash") { ["BusinessId"] = "b" });
        await mix._keys.UpsertEntityAsync(new TableEntity("business", "b") { ["Name"] = "LinX Demo Business" });
        return mix;
    }

    /// <summary>One create's storage requests, in the host's order.</summary>
    public async Task OneAsync()
    {
        var id = Guid.NewGuid().ToString("N");
        var body = new string('x', 2000);
        await _keys.GetEntityIfExistsAsync<TableEntity>("key", "hash");
        await _keys.GetEntityIfExistsAsync<TableEntity>("business", "b");
        await _workflows.GetEntityIfExistsAsync<TableEntity>("b", "idem-" + id);
        await _workflows.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("b", id) { ["Body"] = body }),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("b", "idem-" + id) { ["WorkflowId"] = id }),
        ]);
        await _tokens.UpsertEntityAsync(new TableEntity(id, "token") { ["WorkflowId"] = id });
        await _instances.AddEntityAsync(new TableEntity(id, "instance") { ["Input"] = body });
        await _queue.SendMessageAsync("{\"kind\":\"start\",\"id\":\"" + id + "\"}");
    }

    public async Task DeleteAsync()
    {
        foreach (var table in new[] { _keys, _workflows, _tokens, _instances })
        {
            await table.DeleteAsync();
        }

        await _queue.DeleteIfExistsAsync();
    }
}
