using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using LinX.Core.Webhooks;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// The delivery log: PK = subscription id, RK = event id. Each row holds the exact body sent, the state and the
/// last <see cref="MaxAttemptsKept"/> attempts (JSON). Updates use the row's ETag.
/// </summary>
internal sealed class TableWebhookDeliveryStore : IWebhookDeliveryStore
{
    private const int MaxAttemptsKept = 50;
    private const int MaxConcurrencyRetries = 5;

    private readonly TableClient _table;

    public TableWebhookDeliveryStore(TableStorage storage)
    {
        _table = storage.WebhookDeliveries;
    }

    public async Task AddIfAbsentAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(
                new TableEntity(TableKeys.Of(delivery.SubscriptionId), TableKeys.Of(delivery.EventId))
                {
                    ["BusinessId"] = delivery.BusinessId,
                    ["WorkflowId"] = delivery.WorkflowId,
                    ["Sequence"] = delivery.Sequence,
                    ["EventType"] = delivery.EventType,
                    ["CreatedAt"] = delivery.CreatedAt,
                    ["Body"] = delivery.Body,
                    ["State"] = delivery.State.ToString(),
                    ["Attempts"] = "[]",
                },
                cancellationToken);
        }
        catch (RequestFailedException e) when (TableKeys.IsConflict(e))
        {
            // Already recorded by an earlier run of the activity: leave it as it is.
        }
    }

    public async Task<WebhookDelivery?> GetAsync(Guid subscriptionId, Guid eventId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(subscriptionId), TableKeys.Of(eventId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? ToDelivery(e) : null;
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ListAsync(Guid subscriptionId, int max, CancellationToken cancellationToken)
    {
        var list = await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Of(subscriptionId)}"), cancellationToken);
        return [.. list.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Sequence).Take(max)];
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ListPendingAsync(Guid subscriptionId, Guid? workflowId, CancellationToken cancellationToken)
    {
        var pending = nameof(WebhookDeliveryState.Pending);
        var filter = workflowId is { } id
            ? TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Of(subscriptionId)} and State eq {pending} and WorkflowId eq {id}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Of(subscriptionId)} and State eq {pending}");
        var list = await QueryAsync(filter, cancellationToken);
        return [.. list.OrderBy(d => d.WorkflowId).ThenBy(d => d.Sequence)];
    }

    public async Task RecordAsync(
        Guid subscriptionId, Guid eventId, WebhookAttempt? attempt, WebhookDeliveryState state, CancellationToken cancellationToken)
    {
        for (var retry = 0; retry < MaxConcurrencyRetries; retry++)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(subscriptionId), TableKeys.Of(eventId), cancellationToken: cancellationToken);
            if (!row.HasValue || row.Value is not { } e)
            {
                return;
            }

            var attempts = ReadAttempts(e);
            if (attempt is not null && attempts.All(a => a.AttemptId != attempt.AttemptId))
            {
                attempts.Add(attempt);
            }

            var update = new TableEntity(e.PartitionKey, e.RowKey)
            {
                ["State"] = state.ToString(),
                ["Attempts"] = JsonSerializer.Serialize(attempts.TakeLast(MaxAttemptsKept), TableKeys.Json),
            };
            if (state == WebhookDeliveryState.Delivered)
            {
                update["DeliveredAt"] = attempt?.At ?? DateTimeOffset.UtcNow;
            }

            try
            {
                await _table.UpdateEntityAsync(update, e.ETag, TableUpdateMode.Merge, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (TableKeys.IsPreconditionFailed(ex))
            {
                // A concurrent change (a redelivery request): read again.
            }
        }

        throw new InvalidOperationException("The delivery kept changing; the attempt was not recorded.");
    }

    private async Task<List<WebhookDelivery>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var list = new List<WebhookDelivery>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(ToDelivery(e));
        }

        return list;
    }

    private static List<WebhookAttempt> ReadAttempts(TableEntity e) =>
        JsonSerializer.Deserialize<List<WebhookAttempt>>(e.GetString("Attempts") ?? "[]", TableKeys.Json) ?? [];

    private static WebhookDelivery ToDelivery(TableEntity e) => new()
    {
        SubscriptionId = Guid.Parse(e.PartitionKey),
        EventId = Guid.Parse(e.RowKey),
        BusinessId = e.GetGuid("BusinessId") ?? Guid.Empty,
        WorkflowId = e.GetGuid("WorkflowId") ?? Guid.Empty,
        Sequence = e.GetInt64("Sequence") ?? 0,
        EventType = e.GetString("EventType") ?? string.Empty,
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        Body = e.GetString("Body") ?? "{}",
        State = Enum.Parse<WebhookDeliveryState>(e.GetString("State") ?? nameof(WebhookDeliveryState.Failed)),
        Attempts = ReadAttempts(e),
        DeliveredAt = e.GetDateTimeOffset("DeliveredAt"),
    };
}
