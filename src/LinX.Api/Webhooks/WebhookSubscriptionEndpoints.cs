using LinX.Api.Http;
using LinX.Api.Problems;
using LinX.Core.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static LinX.Api.Http.BusinessResourceHandlers;
using static LinX.Api.Http.ServiceResults;

namespace LinX.Api.Webhooks;

/// <summary>
/// The business's webhook subscriptions (<c>/api/linx/webhook-subscriptions...</c>). Host-neutral like the workflow
/// endpoints: <see cref="HttpContext"/> and route values in, <see cref="IResult"/> out. Another business's
/// subscription is 404; malformed ids are 404 too.
/// </summary>
public static class WebhookSubscriptionEndpoints
{
    private const string NoSuchSubscription = "No such webhook subscription.";

    /// <summary><c>POST</c>: 201 with the subscription and its signing secret (shown only here and on rotate).</summary>
    public static Task<IResult> CreateAsync(HttpContext http) => BusinessResourceHandlers.CreateAsync(
        http,
        (business, body, cancellationToken) => Service(http).CreateAsync(business, body, cancellationToken),
        created => $"/api/linx/webhook-subscriptions/{created.Id}",
        StatusCodes.Status201Created);

    /// <summary><c>GET</c>: the business's subscriptions, without secrets.</summary>
    public static Task<IResult> ListAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, async business =>
        Json(http, await Service(http).ListAsync(business, http.RequestAborted)));

    /// <summary><c>GET /{id}</c>.</summary>
    public static Task<IResult> GetAsync(HttpContext http, string id) =>
        WithIdAsync(http, id, NoSuchSubscription, (business, subscriptionId) => Service(http).GetAsync(business, subscriptionId, http.RequestAborted));

    /// <summary><c>PUT /{id}</c> with the same body as create: replaces url, event types and description.</summary>
    public static Task<IResult> UpdateAsync(HttpContext http, string id) => BusinessResourceHandlers.UpdateAsync(
        http, id, NoSuchSubscription, (business, subscriptionId, body, cancellationToken) => Service(http).UpdateAsync(business, subscriptionId, body, cancellationToken));

    /// <summary><c>DELETE /{id}</c>: 204.</summary>
    public static Task<IResult> DeleteAsync(HttpContext http, string id) => WithIdAsync(http, id, NoSuchSubscription, async (business, subscriptionId) =>
        ServiceResults.ToHttp(http, await Service(http).DeleteAsync(business, subscriptionId, http.RequestAborted), _ => Results.NoContent()));

    /// <summary><c>POST /{id}/suspend</c>: no new events until resumed.</summary>
    public static Task<IResult> SuspendAsync(HttpContext http, string id) => WithIdAsync(http, id, NoSuchSubscription, (business, subscriptionId) =>
        Service(http).SetStateAsync(business, subscriptionId, WebhookSubscriptionState.Suspended, http.RequestAborted));

    /// <summary><c>POST /{id}/resume</c>.</summary>
    public static Task<IResult> ResumeAsync(HttpContext http, string id) => WithIdAsync(http, id, NoSuchSubscription, (business, subscriptionId) =>
        Service(http).SetStateAsync(business, subscriptionId, WebhookSubscriptionState.Active, http.RequestAborted));

    /// <summary><c>POST /{id}/rotate-secret</c>: the new secret, once.</summary>
    public static Task<IResult> RotateSecretAsync(HttpContext http, string id) => WithIdAsync(http, id, NoSuchSubscription, (business, subscriptionId) =>
        Service(http).RotateSecretAsync(business, subscriptionId, http.RequestAborted));

    /// <summary><c>GET /{id}/deliveries</c>: the delivery log, newest first, with attempts (status code, latency).</summary>
    public static Task<IResult> DeliveriesAsync(HttpContext http, string id) => WithIdAsync(http, id, NoSuchSubscription, (business, subscriptionId) =>
        Service(http).ListDeliveriesAsync(business, subscriptionId, http.RequestAborted));

    /// <summary><c>POST /{id}/deliveries/{eventId}/redeliver</c>: 202; the event goes out again with a new signature.</summary>
    public static Task<IResult> RedeliverAsync(HttpContext http, string id, string eventId) =>
        WithIdAsync(http, id, NoSuchSubscription, async (business, subscriptionId) => RouteIds.Parse(eventId) is { } eventGuid
            ? Json(http, await Service(http).RedeliverAsync(business, subscriptionId, eventGuid, http.RequestAborted), StatusCodes.Status202Accepted)
            : ProblemResults.NotFound(http, NoSuchSubscription));

    private static WebhookSubscriptionService Service(HttpContext http) => http.RequestServices.GetRequiredService<WebhookSubscriptionService>();
}
