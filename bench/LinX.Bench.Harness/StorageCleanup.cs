using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace LinX.Bench.Harness;

/// <summary>
/// Deletes what one host made in its storage account: the tables of its LinX prefix and of its task hub, and its task hub's
/// queues and blob containers. For a run against a storage account (<c>LINX_BENCH_STORAGE</c>), where no Azurite folder is
/// deleted on exit.
/// </summary>
public static class StorageCleanup
{
    public static async Task DeleteAsync(HostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var tables = new TableServiceClient(settings.ConnectionString);
        await foreach (var table in tables.QueryAsync())
        {
            if (table.Name.StartsWith(settings.TablePrefix, StringComparison.OrdinalIgnoreCase)
                || table.Name.StartsWith(settings.TaskHub, StringComparison.OrdinalIgnoreCase))
            {
                await tables.DeleteTableAsync(table.Name);
            }
        }

        var hub = settings.TaskHub.ToLowerInvariant();
        var queues = new QueueServiceClient(settings.ConnectionString);
        await foreach (var queue in queues.GetQueuesAsync(prefix: hub))
        {
            await queues.DeleteQueueAsync(queue.Name);
        }

        var blobs = new BlobServiceClient(settings.ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: hub))
        {
            await blobs.DeleteBlobContainerAsync(container.Name);
        }
    }
}
