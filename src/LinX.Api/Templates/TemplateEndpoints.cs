using LinX.Api.Http;
using LinX.Api.Problems;
using LinX.Core;
using LinX.Core.Businesses;
using LinX.Core.Templates;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Api.Templates;

/// <summary>
/// The business's templates (<c>/api/linx/templates...</c>, ADR 0021). Host-neutral like the workflow endpoints:
/// <see cref="HttpContext"/> and route values in, <see cref="IResult"/> out. Another business's template is 404, and so
/// is a malformed id.
/// </summary>
public static class TemplateEndpoints
{
    /// <summary><c>POST</c>: 201 with the template's first version.</summary>
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
            http.Response.Headers.Location = $"{http.Request.PathBase}/api/linx/templates/{created.TemplateId}";
            return Results.Json(created, ApiJson.Options, statusCode: StatusCodes.Status201Created);
        });
    });

    /// <summary><c>GET</c>: the templates by text and status, sorted, one page.</summary>
    public static Task<IResult> SearchAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, async business =>
    {
        var query = TemplateQuery.Parse(http.Request.Query);
        return query.Errors.Count > 0
            ? ProblemResults.Validation(http, query.Errors)
            : Ok(http, await Service(http).SearchAsync(business, query.Search, query.Status, query.Sort, query.Page, query.Size, http.RequestAborted));
    });

    /// <summary><c>GET /{id}</c>: the latest version.</summary>
    public static Task<IResult> GetAsync(HttpContext http, string id) =>
        WithIdAsync(http, id, (business, templateId) => Service(http).GetAsync(business, templateId, http.RequestAborted));

    /// <summary><c>PUT /{id}</c>: a new version, with the same body as create (the name cannot change).</summary>
    public static Task<IResult> UpdateAsync(HttpContext http, string id) => BusinessAuthentication.RunAsync(http, async business =>
    {
        if (RouteIds.Parse(id) is not { } templateId)
        {
            return NotFound(http);
        }

        var body = await RequestBody.ReadJsonAsync(http);
        return body.Problem ?? Ok(http, await Service(http).UpdateAsync(business, templateId, body.Bytes, http.RequestAborted));
    });

    /// <summary><c>GET /{id}/versions</c>: every version, newest first.</summary>
    public static Task<IResult> VersionsAsync(HttpContext http, string id) =>
        WithIdAsync(http, id, (business, templateId) => Service(http).ListVersionsAsync(business, templateId, http.RequestAborted));

    /// <summary><c>GET /{id}/versions/{versionId}</c>: one version.</summary>
    public static Task<IResult> VersionAsync(HttpContext http, string id, string versionId) => BusinessAuthentication.RunAsync(http, async business =>
        RouteIds.Parse(id) is { } templateId && RouteIds.Parse(versionId) is { } templateVersionId
            ? Ok(http, await Service(http).GetVersionAsync(business, templateId, templateVersionId, http.RequestAborted))
            : NotFound(http));

    /// <summary><c>POST /{id}/activate</c>: creates workflows again.</summary>
    public static Task<IResult> ActivateAsync(HttpContext http, string id) => StateAsync(http, id, TemplateState.Active);

    /// <summary><c>POST /{id}/suspend</c>: creates no workflow until activated.</summary>
    public static Task<IResult> SuspendAsync(HttpContext http, string id) => StateAsync(http, id, TemplateState.Suspended);

    /// <summary><c>POST /{id}/archive</c>: kept for the record, creates no workflow.</summary>
    public static Task<IResult> ArchiveAsync(HttpContext http, string id) => StateAsync(http, id, TemplateState.Archived);

    /// <summary><c>DELETE /{id}</c>: DELETED for good, hidden from search; its running workflows continue.</summary>
    public static Task<IResult> DeleteAsync(HttpContext http, string id) => StateAsync(http, id, TemplateState.Deleted);

    private static Task<IResult> StateAsync(HttpContext http, string id, TemplateState state) =>
        WithIdAsync(http, id, (business, templateId) => Service(http).SetStateAsync(business, templateId, state, http.RequestAborted));

    private static TemplateService Service(HttpContext http) => http.RequestServices.GetRequiredService<TemplateService>();

    private static IResult NotFound(HttpContext http) => ProblemResults.NotFound(http, "No such template.");

    private static IResult Ok<T>(HttpContext http, ServiceResult<T> result) => ServiceResults.ToHttp(http, result, value => Results.Json(value, ApiJson.Options));

    private static Task<IResult> WithIdAsync<T>(HttpContext http, string id, Func<Business, Guid, Task<ServiceResult<T>>> handle) =>
        BusinessAuthentication.RunAsync(http, async business =>
            RouteIds.Parse(id) is { } templateId ? Ok(http, await handle(business, templateId)) : NotFound(http));
}
