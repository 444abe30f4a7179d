using LinX.Api.Webhooks;
using LinX.Functions.Durable;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace LinX.Functions.Functions.Http;

/// <summary>
/// HTTP triggers of the webhook subscription endpoints, one line each onto <see cref="WebhookSubscriptionEndpoints"/>.
/// Each binds this invocation's Durable client: <c>WebhookSubscriptionService</c> starts and wakes dispatchers (through
/// <c>WebhookPublisher</c>), and takes the client even where a handler only reads.
/// </summary>
public static class WebhookSubscriptionFunctions
{
    private const string Base = "api/linx/webhook-subscriptions";

    [Function("CreateWebhookSubscription")]
    public static Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        WebhookSubscriptionEndpoints.CreateAsync(req.BindDurableClient(client));

    [Function("ListWebhookSubscriptions")]
    public static Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        WebhookSubscriptionEndpoints.ListAsync(req.BindDurableClient(client));

    [Function("GetWebhookSubscription")]
    public static Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base + "/{id}")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        WebhookSubscriptionEndpoints.GetAsync(req.BindDurableClient(client), id);

    [Function("UpdateWebhookSubscription")]
    public static Task<IResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Base + "/{id}")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        WebhookSubscriptionEndpoints.UpdateAsync(req.BindDurableClient(client), id);

    [Function("DeleteWebhookSubscription")]
    public static Task<IResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Base + "/{id}")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        WebhookSubscriptionEndpoints.DeleteAsync(req.BindDurableClient(client), id);

    [Function("SuspendWebhookSubscription")]
    public static Task<IResult> SuspendAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/suspend")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        WebhookSubscriptionEndpoints.SuspendAsync(req.BindDurableClient(client), id);

    [Function("ResumeWebhookSubscription")]
    public static Task<IResult> ResumeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/resume")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        WebhookSubscriptionEndpoints.ResumeAsync(req.BindDurableClient(client), id);

    [Function("RotateWebhookSecret")]
    public static Task<IResult> RotateSecretAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/rotate-secret")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        WebhookSubscriptionEndpoints.RotateSecretAsync(req.BindDurableClient(client), id);

    [Function("ListWebhookDeliveries")]
    public static Task<IResult> DeliveriesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base + "/{id}/deliveries")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        WebhookSubscriptionEndpoints.DeliveriesAsync(req.BindDurableClient(client), id);

    [Function("RedeliverWebhookEvent")]
    public static Task<IResult> RedeliverAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/deliveries/{eventId}/redeliver")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id,
        string eventId) =>
        WebhookSubscriptionEndpoints.RedeliverAsync(req.BindDurableClient(client), id, eventId);
}
