using LinX.Api.Webhooks;
using LinX.Functions.Orchestration;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace LinX.Functions.Functions.Http;

/// <summary>
/// HTTP triggers of the webhook subscription endpoints, one line each onto <see cref="WebhookSubscriptionEndpoints"/>.
/// Resume and redeliver start or wake dispatchers, so they bind this invocation's Durable client first.
/// </summary>
public sealed class WebhookSubscriptionFunctions
{
    private const string Base = "api/linx/webhook-subscriptions";

    private readonly InvocationOrchestrationClient _orchestrations;

    public WebhookSubscriptionFunctions(InvocationOrchestrationClient orchestrations) => _orchestrations = orchestrations;

    [Function("CreateWebhookSubscription")]
    public static Task<IResult> CreateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base)] HttpRequest req) =>
        WebhookSubscriptionEndpoints.CreateAsync(req.HttpContext);

    [Function("ListWebhookSubscriptions")]
    public static Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base)] HttpRequest req) =>
        WebhookSubscriptionEndpoints.ListAsync(req.HttpContext);

    [Function("GetWebhookSubscription")]
    public static Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base + "/{id}")] HttpRequest req, string id) =>
        WebhookSubscriptionEndpoints.GetAsync(req.HttpContext, id);

    [Function("UpdateWebhookSubscription")]
    public static Task<IResult> UpdateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Base + "/{id}")] HttpRequest req, string id) =>
        WebhookSubscriptionEndpoints.UpdateAsync(req.HttpContext, id);

    [Function("DeleteWebhookSubscription")]
    public static Task<IResult> DeleteAsync([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Base + "/{id}")] HttpRequest req, string id) =>
        WebhookSubscriptionEndpoints.DeleteAsync(req.HttpContext, id);

    [Function("SuspendWebhookSubscription")]
    public static Task<IResult> SuspendAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/suspend")] HttpRequest req, string id) =>
        WebhookSubscriptionEndpoints.SuspendAsync(req.HttpContext, id);

    [Function("ResumeWebhookSubscription")]
    public Task<IResult> ResumeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/resume")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        WebhookSubscriptionEndpoints.ResumeAsync(Bind(req, client), id);

    [Function("RotateWebhookSecret")]
    public static Task<IResult> RotateSecretAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/rotate-secret")] HttpRequest req, string id) =>
        WebhookSubscriptionEndpoints.RotateSecretAsync(req.HttpContext, id);

    [Function("ListWebhookDeliveries")]
    public static Task<IResult> DeliveriesAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base + "/{id}/deliveries")] HttpRequest req, string id) =>
        WebhookSubscriptionEndpoints.DeliveriesAsync(req.HttpContext, id);

    [Function("RedeliverWebhookEvent")]
    public Task<IResult> RedeliverAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/deliveries/{eventId}/redeliver")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id,
        string eventId) =>
        WebhookSubscriptionEndpoints.RedeliverAsync(Bind(req, client), id, eventId);

    private HttpContext Bind(HttpRequest req, DurableTaskClient client)
    {
        _orchestrations.Use(client);
        return req.HttpContext;
    }
}
