using Azure.Data.Tables;
using LinX.Core.Webhooks;

namespace LinX.Infrastructure.Storage;

/// <summary>Webhook subscriptions: PK = business id, RK = subscription id. The secret only encrypted.</summary>
internal sealed class TableWebhookSubscriptionStore : IWebhookSubscriptionStore
{
    private readonly TableClient _table;

    public TableWebhookSubscriptionStore(TableStorage storage)
    {
        _table = storage.WebhookSubscriptions;
    }

    public async Task<WebhookSubscription?> GetAsync(Guid businessId, Guid subscriptionId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(businessId), TableKeys.Of(subscriptionId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? ToSubscription(e) : null;
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(Guid businessId, CancellationToken cancellationToken)
    {
        var list = new List<WebhookSubscription>();
        await foreach (var e in _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Of(businessId)}"), cancellationToken: cancellationToken))
        {
            list.Add(ToSubscription(e));
        }

        return [.. list.OrderBy(s => s.CreatedAt)];
    }

    public Task UpsertAsync(WebhookSubscription subscription, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(
            new TableEntity(TableKeys.Of(subscription.BusinessId), TableKeys.Of(subscription.SubscriptionId))
            {
                ["Url"] = subscription.Url.OriginalString,
                ["EventTypes"] = string.Join(' ', subscription.EventTypes),
                ["Description"] = subscription.Description,
                ["State"] = subscription.State.ToString(),
                ["EncryptedSecret"] = subscription.EncryptedSecret,
                ["PreviousEncryptedSecret"] = subscription.PreviousEncryptedSecret,
                ["PreviousSecretExpiresAt"] = subscription.PreviousSecretExpiresAt,
                ["CreatedAt"] = subscription.CreatedAt,
                ["UpdatedAt"] = subscription.UpdatedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    public async Task<bool> DeleteAsync(Guid businessId, Guid subscriptionId, CancellationToken cancellationToken)
    {
        var response = await _table.DeleteEntityAsync(TableKeys.Of(businessId), TableKeys.Of(subscriptionId), cancellationToken: cancellationToken);
        return response.Status != 404;
    }

    private static WebhookSubscription ToSubscription(TableEntity e) => new()
    {
        BusinessId = Guid.Parse(e.PartitionKey),
        SubscriptionId = Guid.Parse(e.RowKey),
        Url = new Uri(e.GetString("Url") ?? "https://invalid.invalid/"),
        EventTypes = (e.GetString("EventTypes") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        Description = e.GetString("Description"),
        State = Enum.Parse<WebhookSubscriptionState>(e.GetString("State") ?? nameof(WebhookSubscriptionState.Suspended)),
        EncryptedSecret = e.GetString("EncryptedSecret") ?? string.Empty,
        PreviousEncryptedSecret = e.GetString("PreviousEncryptedSecret"),
        PreviousSecretExpiresAt = e.GetDateTimeOffset("PreviousSecretExpiresAt"),
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
    };
}
