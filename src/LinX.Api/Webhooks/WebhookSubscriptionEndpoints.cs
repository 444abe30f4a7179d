using LinX.Api.Http;
using LinX.Api.Problems;
using LinX.Core;
using LinX.Core.Businesses;
using LinX.Core.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Api.Webhooks;

/// <summary>
/// The business's webhook subscriptions (<c>/api/linx/webhook-subscriptions...</c>). Host-neutral like the workflow
/// endpoints: <see cref="HttpContext"/> and route values in, <see cref="IResult"/> out. Another business's
/// subscription is 404; malformed ids are 404 too.
/// </summary>
public static class WebhookSubscriptionEndpoints
{
    /// <summary><c>POST</c>: 201 with the subscription and its signing secret (shown only here and on rotate).</summary>
    public static Task<IResult> CreateAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, async business =>
    {
        var body = await RequestBody.ReadJsonAsync(http);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var result = await Service(http).CreateAsync(business, body.Bytes, http.RequestAborted);
        return ServiceResults.ToHttp(http, result, created =>
        {
            http.Response.Headers.Location = $"{http.Request.PathBase}/api/linx/webhook-subscriptions/{created.Id}";
            return Results.Json(created, ApiJson.Options, statusCode: StatusCodes.Status201Created);
        });
    });

    /// <summary><c>GET</c>: the business's subscriptions, without secrets.</summary>
    public static Task<IResult> ListAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, async business =>
        ServiceResults.ToHttp(http, await Service(http).ListAsync(business, http.RequestAborted), list => Results.Json(list, ApiJson.Options)));

    /// <summary><c>GET /{id}</c>.</summary>
    public static Task<IResult> GetAsync(HttpContext http, string id) =>
        WithIdAsync(http, id, (business, subscriptionId) => Service(http).GetAsync(business, subscriptionId, http.RequestAborted));

    /// <summary><c>PUT /{id}</c> with the same body as create: replaces url, event types and description.</summary>
    public static Task<IResult> UpdateAsync(HttpContext http, string id) => BusinessAuthentication.RunAsync(http, async business =>
    {
        if (RouteIds.Parse(id) is not { } subscriptionId)
        {
            return NotFound(http);
        }

        var body = await RequestBody.ReadJsonAsync(http);
        return body.Problem ?? Ok(http, await Service(http).UpdateAsync(business, subscriptionId, body.Bytes, http.RequestAborted));
    });

    /// <summary><c>DELETE /{id}</c>: 204.</summary>
    public static Task<IResult> DeleteAsync(HttpContext http, string id) => BusinessAuthentication.RunAsync(http, async business =>
        RouteIds.Parse(id) is { } subscriptionId
            ? ServiceResults.ToHttp(http, await Service(http).DeleteAsync(business, subscriptionId, http.RequestAborted), _ => Results.NoContent())
            : NotFound(http));

    /// <summary><c>POST /{id}/suspend</c>: no new events until resumed.</summary>
    public static Task<IResult> SuspendAsync(HttpContext http, string id) => WithIdAsync(http, id, (business, subscriptionId) =>
        Service(http).SetStateAsync(business, subscriptionId, WebhookSubscriptionState.Suspended, http.RequestAborted));

    /// <summary><c>POST /{id}/resume</c>.</summary>
    public static Task<IResult> ResumeAsync(HttpContext http, string id) => WithIdAsync(http, id, (business, subscriptionId) =>
        Service(http).SetStateAsync(business, subscriptionId, WebhookSubscriptionState.Active, http.RequestAborted));

    /// <summary><c>POST /{id}/rotate-secret</c>: the new secret, once.</summary>
    public static Task<IResult> RotateSecretAsync(HttpContext http, string id) => WithIdAsync(http, id, (business, subscriptionId) =>
        Service(http).RotateSecretAsync(business, subscriptionId, http.RequestAborted));

    /// <summary><c>GET /{id}/deliveries</c>: the delivery log, newest first, with attempts (status code, latency).</summary>
    public static Task<IResult> DeliveriesAsync(HttpContext http, string id) => WithIdAsync(http, id, (business, subscriptionId) =>
        Service(http).ListDeliveriesAsync(business, subscriptionId, http.RequestAborted));

    /// <summary><c>POST /{id}/deliveries/{eventId}/redeliver</c>: 202; the event goes out again with a new signature.</summary>
    public static Task<IResult> RedeliverAsync(HttpContext http, string id, string eventId) => BusinessAuthentication.RunAsync(http, async business =>
        RouteIds.Parse(id) is { } subscriptionId && RouteIds.Parse(eventId) is { } eventGuid
            ? ServiceResults.ToHttp(
                http,
                await Service(http).RedeliverAsync(business, subscriptionId, eventGuid, http.RequestAborted),
                accepted => Results.Json(accepted, ApiJson.Options, statusCode: StatusCodes.Status202Accepted))
            : NotFound(http));

    private static WebhookSubscriptionService Service(HttpContext http) => http.RequestServices.GetRequiredService<WebhookSubscriptionService>();

    private static IResult NotFound(HttpContext http) => ProblemResults.NotFound(http, "No such webhook subscription.");

    private static IResult Ok<T>(HttpContext http, ServiceResult<T> result) => ServiceResults.ToHttp(http, result, value => Results.Json(value, ApiJson.Options));

    private static Task<IResult> WithIdAsync<T>(HttpContext http, string id, Func<Business, Guid, Task<ServiceResult<T>>> handle) =>
        BusinessAuthentication.RunAsync(http, async business =>
            RouteIds.Parse(id) is { } subscriptionId ? Ok(http, await handle(business, subscriptionId)) : NotFound(http));
}
