using System.Globalization;
using System.Text.Json;
using LinX.Api.Http;
using LinX.Api.Management;
using LinX.Api.Problems;
using LinX.Core;
using LinX.Core.Management;
using LinX.Core.Templates;
using LinX.Core.Workflows;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace LinX.Api.Workflows;

/// <summary>
/// The business's workflow endpoints (<c>/api/linx/workflows...</c>). Host-neutral: each takes the
/// <see cref="HttpContext"/> (and route values as strings) and returns an <see cref="IResult"/>, so the local
/// host maps them as Minimal API routes and the Functions host calls them from HTTP triggers.
/// </summary>
public static class WorkflowEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary><c>POST /api/linx/workflows</c>: 202 with the workflow, its link and the management URIs.</summary>
    public static Task<IResult> CreateAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, async business =>
    {
        var key = http.Request.Headers[IdempotencyKeyHeader];
        var body = await RequestBody.ReadJsonAsync(http);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        // A bad header and a bad body are answered together: every problem at once, as for the body alone.
        if (IdempotencyKeyError(key) is { } keyError)
        {
            var bodyErrors = TemplateWorkflowRequest.NamesTemplate(body.Bytes.Span)
                ? TemplateWorkflowRequest.Read(body.Bytes.Span).Errors
                : new WorkflowRequestValidator(http.RequestServices.GetRequiredService<TimeProvider>()).Validate(body.Bytes.Span).Errors;
            return ProblemResults.Validation(http, [keyError, .. bodyErrors]);
        }

        var result = await Workflows(http).CreateAsync(business, body.Bytes, key.Count == 1 ? key[0] : null, http.RequestAborted);
        return ServiceResults.ToHttp(http, result, created =>
        {
            var management = http.RequestServices.GetRequiredService<IManagementUrls>().Create(http.Request, created.WorkflowId.ToString());
            // The workflow resource, not statusQueryGetUri: it answers the business's API key on both hosts.
            http.Response.Headers.Location = $"{http.Request.PathBase}/api/linx/workflows/{created.WorkflowId}";
            return Results.Json(CreateWorkflowResponse.From(created, management), ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
        });
    });

    /// <summary><c>GET /api/linx/workflows/{id}</c>.</summary>
    public static Task<IResult> GetAsync(HttpContext http, string id) => WithWorkflowAsync(http, id, (business, workflowId) =>
        Workflows(http).GetAsync(business, workflowId, http.RequestAborted));

    /// <summary><c>GET /api/linx/workflows?search=&amp;status=&amp;templateId=&amp;sort=&amp;page=&amp;size=</c>: newest first unless sorted <c>createdAt,ASC</c>.</summary>
    public static Task<IResult> SearchAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, async business =>
    {
        var query = WorkflowQuery.Parse(http.Request.Query);
        if (query.Errors.Count > 0)
        {
            return ProblemResults.Validation(http, query.Errors);
        }

        var result = await http.RequestServices.GetRequiredService<WorkflowSearchService>().SearchAsync(business, query.Request, http.RequestAborted);
        return ServiceResults.ToHttp(http, result, page => Results.Json(page, ApiJson.Options));
    });

    /// <summary><c>POST /api/linx/workflows/{id}/cancel</c>: 202; 409 when the workflow has ended.</summary>
    public static Task<IResult> CancelAsync(HttpContext http, string id) => CommandAsync(http, id, (business, workflowId) =>
        Workflows(http).CancelAsync(business, workflowId, http.RequestAborted));

    /// <summary><c>POST /api/linx/workflows/{id}/resend</c>: 202; the SMS goes out again with origin MANUAL.</summary>
    public static Task<IResult> ResendAsync(HttpContext http, string id) => CommandAsync(http, id, (business, workflowId) =>
        Workflows(http).ResendAsync(business, workflowId, http.RequestAborted));

    /// <summary><c>POST /api/linx/workflows/{id}/new-passcode</c>: 200 with the new passcode, shown once; the link is unlocked.</summary>
    public static Task<IResult> NewPasscodeAsync(HttpContext http, string id) => WithWorkflowAsync(http, id, (business, workflowId) =>
        Workflows(http).NewPasscodeAsync(business, workflowId, http.RequestAborted));

    /// <summary><c>POST /api/linx/workflows/{id}/extend</c> with <c>{ "expireAt": "..." }</c> or <c>{ "hours": n }</c>.</summary>
    public static Task<IResult> ExtendAsync(HttpContext http, string id) => BusinessAuthentication.RunAsync(http, async business =>
    {
        if (RouteIds.Parse(id) is not { } workflowId)
        {
            return ProblemResults.NotFound(http, "No such workflow.");
        }

        var body = await RequestBody.ReadJsonAsync(http);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var request = ExtendRequest.Parse(body.Bytes.Span);
        if (request.Errors.Count > 0)
        {
            return ProblemResults.Validation(http, request.Errors);
        }

        var result = await Workflows(http).ExtendAsync(business, workflowId, request.ExpireAt, request.Hours, http.RequestAborted);
        return ServiceResults.ToHttp(http, result, accepted => Results.Json(accepted, ApiJson.Options, statusCode: StatusCodes.Status202Accepted));
    });

    /// <summary><c>GET /api/linx/workflows/{id}/notifications</c>: the SMS history (serial, channel, origin, notifiedBy, notifiedAt, status).</summary>
    public static Task<IResult> NotificationsAsync(HttpContext http, string id) => WithWorkflowAsync(http, id, (business, workflowId) =>
        Workflows(http).GetNotificationsAsync(business, workflowId, http.RequestAborted));

    /// <summary>
    /// What is wrong with the Idempotency-Key header, or null when it is absent or valid: 6 to 255 visible ASCII
    /// characters, sent once. A blank header is not "no key" (a retry would create a second workflow), and two headers
    /// are not merged into one key.
    /// </summary>
    internal static FieldError? IdempotencyKeyError(StringValues header) => header.Count switch
    {
        0 => null,
        1 when WorkflowService.IsValidIdempotencyKey(header[0]) => null,
        1 => new FieldError(WorkflowService.IdempotencyKeyPath, "Idempotency-Key must be 6 to 255 visible ASCII characters.", ServiceErrorCodes.IdempotencyKeyInvalid),
        _ => new FieldError(WorkflowService.IdempotencyKeyPath, "Send one Idempotency-Key header, not several.", ServiceErrorCodes.IdempotencyKeyInvalid),
    };

    private static WorkflowService Workflows(HttpContext http) => http.RequestServices.GetRequiredService<WorkflowService>();

    private static Task<IResult> WithWorkflowAsync<T>(HttpContext http, string id, Func<Core.Businesses.Business, Guid, Task<ServiceResult<T>>> read) =>
        BusinessAuthentication.RunAsync(http, async business =>
            RouteIds.Parse(id) is { } workflowId
                ? ServiceResults.ToHttp(http, await read(business, workflowId), value => Results.Json(value, ApiJson.Options))
                : ProblemResults.NotFound(http, "No such workflow."));

    private static Task<IResult> CommandAsync(HttpContext http, string id, Func<Core.Businesses.Business, Guid, Task<ServiceResult<WorkflowCommandAccepted>>> command) =>
        BusinessAuthentication.RunAsync(http, async business =>
            RouteIds.Parse(id) is { } workflowId
                ? ServiceResults.ToHttp(http, await command(business, workflowId), accepted => Results.Json(accepted, ApiJson.Options, statusCode: StatusCodes.Status202Accepted))
                : ProblemResults.NotFound(http, "No such workflow."));
}
