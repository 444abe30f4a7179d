using LinX.Api.Http;
using LinX.Api.Problems;
using LinX.Core;
using LinX.Core.Batches;
using LinX.Core.Businesses;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Api.Batches;

/// <summary>
/// The business's batch endpoints (<c>/api/linx/workflow-batches...</c>), host-neutral like the workflow endpoints: the
/// local host maps them as routes, the Functions host calls them from HTTP triggers.
/// </summary>
public static class BatchEndpoints
{
    /// <summary><c>POST /api/linx/workflow-batches</c>: 202 with <c>batchId</c> and <c>idempotencyKey</c>, before any entry runs.</summary>
    public static Task<IResult> CreateAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, async business =>
    {
        var body = await RequestBody.ReadJsonAsync(http, BatchLimits.MaxBodyBytes);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var result = await Batches(http).CreateAsync(business, body.Bytes, http.RequestAborted);
        return ServiceResults.ToHttp(http, result, accepted =>
        {
            http.Response.Headers.Location = $"{http.Request.PathBase}/api/linx/workflow-batches/{accepted.BatchId}";
            return Results.Json(accepted, ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
        });
    });

    /// <summary><c>GET /api/linx/workflow-batches?status=&amp;page=&amp;size=</c>: newest first.</summary>
    public static Task<IResult> ListAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, async business =>
    {
        var query = BatchQuery<BatchStatus>.Parse(http.Request.Query);
        return query.Errors.Count > 0
            ? ProblemResults.Validation(http, query.Errors)
            : Json(http, await Batches(http).ListAsync(business, query.Status, query.Page, query.Size, http.RequestAborted));
    });

    /// <summary><c>GET /api/linx/workflow-batches/{id}</c>: the batch with its counts.</summary>
    public static Task<IResult> GetAsync(HttpContext http, string id) => WithBatchAsync(http, id, async (business, batchId) =>
        Json(http, await Batches(http).GetAsync(business, batchId, http.RequestAborted)));

    /// <summary><c>GET /api/linx/workflow-batches/{id}/entries?status=&amp;page=&amp;size=</c>: in position order.</summary>
    public static Task<IResult> EntriesAsync(HttpContext http, string id) => WithBatchAsync(http, id, async (business, batchId) =>
    {
        var query = BatchQuery<BatchEntryStatus>.Parse(http.Request.Query);
        return query.Errors.Count > 0
            ? ProblemResults.Validation(http, query.Errors)
            : Json(http, await Batches(http).ListEntriesAsync(business, batchId, query.Status, query.Page, query.Size, http.RequestAborted));
    });

    /// <summary><c>POST /api/linx/workflow-batches/{id}/cancel</c>: 202 with the batch, CANCELLING.</summary>
    public static Task<IResult> CancelAsync(HttpContext http, string id) => WithBatchAsync(http, id, async (business, batchId) =>
        ServiceResults.ToHttp(http, await Batches(http).CancelAsync(business, batchId, http.RequestAborted), details =>
            Results.Json(details, ApiJson.Options, statusCode: StatusCodes.Status202Accepted)));

    private static BatchService Batches(HttpContext http) => http.RequestServices.GetRequiredService<BatchService>();

    private static IResult Json<T>(HttpContext http, ServiceResult<T> result) => ServiceResults.ToHttp(http, result, value => Results.Json(value, ApiJson.Options));

    private static Task<IResult> WithBatchAsync(HttpContext http, string id, Func<Business, Guid, Task<IResult>> handle) =>
        BusinessAuthentication.RunAsync(http, business =>
            RouteIds.Parse(id) is { } batchId ? handle(business, batchId) : Task.FromResult(ProblemResults.NotFound(http, "No such batch.")));
}
