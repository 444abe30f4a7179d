using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using LinX.Core.Webhooks;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// The delivery log, partitioned by subscription. Three kinds of rows, always written together in one
/// entity-group transaction so they never disagree:
/// <list type="bullet">
/// <item>the delivery, RK = event id: the exact body sent, the state and the last <see cref="MaxAttemptsKept"/>
/// attempts (JSON); updates use its ETag;</item>
/// <item>its log entry, RK = <c>log|{inverted created-at ticks}|{inverted sequence}|{event id}</c>: a copy without the
/// body, so that "newest first, at most n" is one range read of n rows;</item>
/// <item>while it is pending, a marker, RK = <c>pending|{workflow id}|{sequence}</c>: the dispatcher's queue, one
/// range read of what is still to send, however long the log grows.</item>
/// </list>
/// </summary>
internal sealed class TableWebhookDeliveryStore : IWebhookDeliveryStore
{
    private const int MaxAttemptsKept = 50;
    private const int MaxConcurrencyRetries = 5;
    private const string LogPrefix = "log|";
    private const string PendingPrefix = "pending|";

    private readonly TableClient _table;

    public TableWebhookDeliveryStore(TableStorage storage)
    {
        _table = storage.WebhookDeliveries;
    }

    public async Task AddIfAbsentAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var row = Row(delivery, TableKeys.Of(delivery.EventId));
        row["Body"] = delivery.Body;
        List<TableTransactionAction> actions = [new(TableTransactionActionType.Add, row), new(TableTransactionActionType.Add, Row(delivery, LogRowKey(delivery)))];
        if (delivery.State == WebhookDeliveryState.Pending)
        {
            actions.Add(new(TableTransactionActionType.Add, PendingRow(delivery)));
        }

        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (TableKeys.IsConflict(e) && e.FailedTransactionActionIndex == 0)
        {
            // Already recorded by an earlier run of the activity: leave it as it is.
        }
    }

    public async Task<WebhookDelivery?> GetAsync(Guid subscriptionId, Guid eventId, CancellationToken cancellationToken) =>
        await GetEntityAsync(subscriptionId, eventId, cancellationToken) is { } e ? ToDelivery(e) : null;

    public async Task<IReadOnlyList<WebhookDelivery>> ListAsync(Guid subscriptionId, int max, CancellationToken cancellationToken)
    {
        var list = new List<WebhookDelivery>();
        await foreach (var e in _table.QueryAsync<TableEntity>(PrefixFilter(subscriptionId, LogPrefix), max, cancellationToken: cancellationToken))
        {
            list.Add(ToDelivery(e));
            if (list.Count == max)
            {
                break;
            }
        }

        return list;
    }

    public async Task<IReadOnlyList<PendingWebhookDelivery>> ListPendingAsync(Guid subscriptionId, Guid? workflowId, CancellationToken cancellationToken)
    {
        var prefix = workflowId is { } id ? $"{PendingPrefix}{TableKeys.Of(id)}|" : PendingPrefix;
        var list = new List<PendingWebhookDelivery>();
        await foreach (var e in _table.QueryAsync<TableEntity>(PrefixFilter(subscriptionId, prefix), cancellationToken: cancellationToken))
        {
            list.Add(new(e.GetGuid("EventId") ?? Guid.Empty, e.GetGuid("WorkflowId") ?? Guid.Empty, e.GetInt64("Sequence") ?? 0));
        }

        return list;
    }

    public async Task RecordAsync(
        Guid subscriptionId, Guid eventId, WebhookAttempt? attempt, WebhookDeliveryState state, CancellationToken cancellationToken)
    {
        var markerMissing = false;
        for (var retry = 0; retry < MaxConcurrencyRetries; retry++)
        {
            if (await GetEntityAsync(subscriptionId, eventId, cancellationToken) is not { } e)
            {
                return;
            }

            var before = ToDelivery(e);
            var attempts = before.Attempts.ToList();
            if (attempt is not null && attempts.All(a => a.AttemptId != attempt.AttemptId))
            {
                attempts.Add(attempt);
            }

            var after = before with
            {
                State = state,
                Attempts = attempts.TakeLast(MaxAttemptsKept).ToList(),
                DeliveredAt = state == WebhookDeliveryState.Delivered ? attempt?.At ?? DateTimeOffset.UtcNow : before.DeliveredAt,
            };
            List<TableTransactionAction> actions =
            [
                new(TableTransactionActionType.UpdateMerge, Row(after, e.RowKey), e.ETag),
                new(TableTransactionActionType.UpsertReplace, Row(after, LogRowKey(after))),
            ];
            if (state == WebhookDeliveryState.Pending)
            {
                actions.Add(new(TableTransactionActionType.UpsertReplace, PendingRow(after)));
            }
            else if (before.State == WebhookDeliveryState.Pending && !markerMissing)
            {
                actions.Add(new(TableTransactionActionType.Delete, PendingRow(after), ETag.All));
            }

            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException ex) when (TableKeys.IsPreconditionFailed(ex))
            {
                // A concurrent change (a redelivery request): read again.
            }
            catch (TableTransactionFailedException ex) when (TableKeys.IsNotFound(ex) && ex.FailedTransactionActionIndex == 2)
            {
                // A row written before markers existed: nothing to delete.
                markerMissing = true;
            }
        }

        throw new InvalidOperationException("The delivery kept changing; the attempt was not recorded.");
    }

    private async Task<TableEntity?> GetEntityAsync(Guid subscriptionId, Guid eventId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(subscriptionId), TableKeys.Of(eventId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Rows of one subscription whose row key starts with <paramref name="prefix"/>, in row-key order.</summary>
    private static string PrefixFilter(Guid subscriptionId, string prefix)
    {
        var end = prefix[..^1] + (char)(prefix[^1] + 1);
        return TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Of(subscriptionId)} and RowKey ge {prefix} and RowKey lt {end}");
    }

    private static string LogRowKey(WebhookDelivery d) =>
        string.Create(CultureInfo.InvariantCulture, $"{LogPrefix}{long.MaxValue - d.CreatedAt.UtcTicks:D19}|{long.MaxValue - d.Sequence:D19}|{TableKeys.Of(d.EventId)}");

    private static TableEntity PendingRow(WebhookDelivery d) =>
        new(TableKeys.Of(d.SubscriptionId), string.Create(CultureInfo.InvariantCulture, $"{PendingPrefix}{TableKeys.Of(d.WorkflowId)}|{d.Sequence:D19}"))
        {
            ["EventId"] = d.EventId,
            ["WorkflowId"] = d.WorkflowId,
            ["Sequence"] = d.Sequence,
        };

    /// <summary>Every column but the body: the delivery row's and the log entry's.</summary>
    private static TableEntity Row(WebhookDelivery d, string rowKey)
    {
        var row = new TableEntity(TableKeys.Of(d.SubscriptionId), rowKey)
        {
            ["EventId"] = d.EventId,
            ["BusinessId"] = d.BusinessId,
            ["WorkflowId"] = d.WorkflowId,
            ["Sequence"] = d.Sequence,
            ["EventType"] = d.EventType,
            ["CreatedAt"] = d.CreatedAt,
            ["State"] = d.State.ToString(),
            ["Attempts"] = JsonSerializer.Serialize(d.Attempts, TableKeys.Json),
        };
        if (d.DeliveredAt is { } at)
        {
            row["DeliveredAt"] = at;
        }

        return row;
    }

    private static WebhookDelivery ToDelivery(TableEntity e) => new()
    {
        SubscriptionId = Guid.Parse(e.PartitionKey),
        EventId = e.GetGuid("EventId") ?? Guid.Parse(e.RowKey),
        BusinessId = e.GetGuid("BusinessId") ?? Guid.Empty,
        WorkflowId = e.GetGuid("WorkflowId") ?? Guid.Empty,
        Sequence = e.GetInt64("Sequence") ?? 0,
        EventType = e.GetString("EventType") ?? string.Empty,
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        Body = e.GetString("Body") ?? string.Empty,
        State = Enum.Parse<WebhookDeliveryState>(e.GetString("State") ?? nameof(WebhookDeliveryState.Failed)),
        Attempts = JsonSerializer.Deserialize<List<WebhookAttempt>>(e.GetString("Attempts") ?? "[]", TableKeys.Json) ?? [],
        DeliveredAt = e.GetDateTimeOffset("DeliveredAt"),
    };
}
