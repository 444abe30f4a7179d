using LinX.Api.Problems;
using LinX.Core;
using LinX.Core.Businesses;
using Microsoft.AspNetCore.Http;

namespace LinX.Api.Http;

/// <summary>
/// What the business's resource endpoints (templates, batches, webhook subscriptions, documents) share: authenticate,
/// read the JSON body, parse the route id (malformed is 404 like unknown), call the service and answer its outcome. One
/// place, so that every resource answers a bad id, a bad body and a service outcome the same way.
/// </summary>
public static class BusinessResourceHandlers
{
    /// <summary>
    /// A <c>POST</c> that makes a resource: the business, then the JSON body (at most <paramref name="maxBytes"/>), then
    /// <paramref name="create"/>; on success <paramref name="statusCode"/> with the value and a <c>Location</c> of
    /// <paramref name="location"/> (a path below the host's path base).
    /// </summary>
    public static Task<IResult> CreateAsync<T>(
        HttpContext http,
        Func<Business, ReadOnlyMemory<byte>, CancellationToken, Task<ServiceResult<T>>> create,
        Func<T, string> location,
        int statusCode,
        int maxBytes = RequestBody.MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(location);
        return BusinessAuthentication.RunAsync(http, async business =>
        {
            var body = await RequestBody.ReadJsonAsync(http, maxBytes);
            if (body.Problem is not null)
            {
                return body.Problem;
            }

            var result = await create(business, body.Bytes, http.RequestAborted);
            return ServiceResults.ToHttp(http, result, created =>
            {
                http.Response.Headers.Location = $"{http.Request.PathBase}{location(created)}";
                return Results.Json(created, ApiJson.Options, statusCode: statusCode);
            });
        });
    }

    /// <summary>A route with an id: the business, then the id (malformed: 404 <paramref name="notFound"/>), then <paramref name="handle"/>.</summary>
    public static Task<IResult> WithIdAsync(HttpContext http, string id, string notFound, Func<Business, Guid, Task<IResult>> handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return BusinessAuthentication.RunAsync(http, business =>
            RouteIds.Parse(id) is { } guid ? handle(business, guid) : Task.FromResult(ProblemResults.NotFound(http, notFound)));
    }

    /// <summary>As <see cref="WithIdAsync(HttpContext, string, string, Func{Business, Guid, Task{IResult}})"/>, answering the service's value as JSON (200).</summary>
    public static Task<IResult> WithIdAsync<T>(HttpContext http, string id, string notFound, Func<Business, Guid, Task<ServiceResult<T>>> handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return WithIdAsync(http, id, notFound, async (business, guid) => ServiceResults.Json(http, await handle(business, guid)));
    }

    /// <summary>A <c>PUT</c> of a resource: the business, then the id (malformed: 404), then the JSON body, then <paramref name="update"/> (200).</summary>
    public static Task<IResult> UpdateAsync<T>(
        HttpContext http, string id, string notFound, Func<Business, Guid, ReadOnlyMemory<byte>, CancellationToken, Task<ServiceResult<T>>> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return WithIdAsync(http, id, notFound, async (business, guid) =>
        {
            var body = await RequestBody.ReadJsonAsync(http);
            return body.Problem ?? ServiceResults.Json(http, await update(business, guid, body.Bytes, http.RequestAborted));
        });
    }
}
