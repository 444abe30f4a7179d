using LinX.Api.Http;
using LinX.Api.Problems;
using LinX.Core.Batches;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static LinX.Api.Http.BusinessResourceHandlers;
using static LinX.Api.Http.ServiceResults;

namespace LinX.Api.Batches;

/// <summary>
/// The business's batch endpoints (<c>/api/linx/workflow-batches...</c>), host-neutral like the workflow endpoints: the
/// local host maps them as routes, the Functions host calls them from HTTP triggers.
/// </summary>
public static class BatchEndpoints
{
    private const string NoSuchBatch = "No such batch.";

    /// <summary><c>POST /api/linx/workflow-batches</c>: 202 with <c>batchId</c> and <c>idempotencyKey</c>, before any entry runs.</summary>
    public static Task<IResult> CreateAsync(HttpContext http) => BusinessResourceHandlers.CreateAsync(
        http,
        (business, body, cancellationToken) => Batches(http).CreateAsync(business, body, cancellationToken),
        accepted => $"/api/linx/workflow-batches/{accepted.BatchId}",
        StatusCodes.Status202Accepted,
        BatchLimits.MaxBodyBytes);

    /// <summary><c>GET /api/linx/workflow-batches?status=&amp;page=&amp;size=</c>: newest first.</summary>
    public static Task<IResult> ListAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, async business =>
    {
        var query = BatchQuery<BatchStatus>.Parse(http.Request.Query);
        return query.Errors.Count > 0
            ? ProblemResults.Validation(http, query.Errors)
            : Json(http, await Batches(http).ListAsync(business, query.Status, query.Page, query.Size, http.RequestAborted));
    });

    /// <summary><c>GET /api/linx/workflow-batches/{id}</c>: the batch with its counts.</summary>
    public static Task<IResult> GetAsync(HttpContext http, string id) =>
        WithIdAsync(http, id, NoSuchBatch, (business, batchId) => Batches(http).GetAsync(business, batchId, http.RequestAborted));

    /// <summary><c>GET /api/linx/workflow-batches/{id}/entries?status=&amp;page=&amp;size=</c>: in position order.</summary>
    public static Task<IResult> EntriesAsync(HttpContext http, string id) => WithIdAsync(http, id, NoSuchBatch, async (business, batchId) =>
    {
        var query = BatchQuery<BatchEntryStatus>.Parse(http.Request.Query);
        return query.Errors.Count > 0
            ? ProblemResults.Validation(http, query.Errors)
            : Json(http, await Batches(http).ListEntriesAsync(business, batchId, query.Status, query.Page, query.Size, http.RequestAborted));
    });

    /// <summary><c>POST /api/linx/workflow-batches/{id}/cancel</c>: 202 with the batch, CANCELLING.</summary>
    public static Task<IResult> CancelAsync(HttpContext http, string id) => WithIdAsync(http, id, NoSuchBatch, async (business, batchId) =>
        Json(http, await Batches(http).CancelAsync(business, batchId, http.RequestAborted), StatusCodes.Status202Accepted));

    private static BatchService Batches(HttpContext http) => http.RequestServices.GetRequiredService<BatchService>();
}
