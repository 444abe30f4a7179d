using LinX.Api.Http;
using LinX.Api.Problems;
using LinX.Core.Templates;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static LinX.Api.Http.BusinessResourceHandlers;
using static LinX.Api.Http.ServiceResults;

namespace LinX.Api.Templates;

/// <summary>
/// The business's templates (<c>/api/linx/templates...</c>, ADR 0021). Host-neutral like the workflow endpoints:
/// <see cref="HttpContext"/> and route values in, <see cref="IResult"/> out. Another business's template is 404, and so
/// is a malformed id.
/// </summary>
public static class TemplateEndpoints
{
    private const string NoSuchTemplate = "No such template.";

    /// <summary><c>POST</c>: 201 with the template's first version.</summary>
    public static Task<IResult> CreateAsync(HttpContext http) =>
        BusinessResourceHandlers.CreateAsync(
            http, (business, body, cancellationToken) => Service(http).CreateAsync(business, body, cancellationToken), created => $"/api/linx/templates/{created.TemplateId}", StatusCodes.Status201Created);

    /// <summary><c>GET</c>: the templates by text and status, sorted, one page.</summary>
    public static Task<IResult> SearchAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, async business =>
    {
        var query = TemplateQuery.Parse(http.Request.Query);
        return query.Errors.Count > 0
            ? ProblemResults.Validation(http, query.Errors)
            : Json(http, await Service(http).SearchAsync(business, query.Search, query.Status, query.Sort, query.Page, query.Size, http.RequestAborted));
    });

    /// <summary><c>GET /{id}</c>: the latest version.</summary>
    public static Task<IResult> GetAsync(HttpContext http, string id) =>
        WithIdAsync(http, id, NoSuchTemplate, (business, templateId) => Service(http).GetAsync(business, templateId, http.RequestAborted));

    /// <summary><c>PUT /{id}</c>: a new version, with the same body as create (the name cannot change).</summary>
    public static Task<IResult> UpdateAsync(HttpContext http, string id) =>
        BusinessResourceHandlers.UpdateAsync(
            http, id, NoSuchTemplate, (business, templateId, body, cancellationToken) => Service(http).UpdateAsync(business, templateId, body, cancellationToken));

    /// <summary><c>GET /{id}/versions</c>: every version, newest first.</summary>
    public static Task<IResult> VersionsAsync(HttpContext http, string id) =>
        WithIdAsync(http, id, NoSuchTemplate, (business, templateId) => Service(http).ListVersionsAsync(business, templateId, http.RequestAborted));

    /// <summary><c>GET /{id}/versions/{versionId}</c>: one version.</summary>
    public static Task<IResult> VersionAsync(HttpContext http, string id, string versionId) =>
        WithIdAsync(http, id, NoSuchTemplate, async (business, templateId) => RouteIds.Parse(versionId) is { } templateVersionId
            ? Json(http, await Service(http).GetVersionAsync(business, templateId, templateVersionId, http.RequestAborted))
            : ProblemResults.NotFound(http, NoSuchTemplate));

    /// <summary><c>POST /{id}/activate</c>: creates workflows again.</summary>
    public static Task<IResult> ActivateAsync(HttpContext http, string id) => StateAsync(http, id, TemplateState.Active);

    /// <summary><c>POST /{id}/suspend</c>: creates no workflow until activated.</summary>
    public static Task<IResult> SuspendAsync(HttpContext http, string id) => StateAsync(http, id, TemplateState.Suspended);

    /// <summary><c>POST /{id}/archive</c>: kept for the record, creates no workflow.</summary>
    public static Task<IResult> ArchiveAsync(HttpContext http, string id) => StateAsync(http, id, TemplateState.Archived);

    /// <summary><c>DELETE /{id}</c>: DELETED for good, hidden from search; its running workflows continue.</summary>
    public static Task<IResult> DeleteAsync(HttpContext http, string id) => StateAsync(http, id, TemplateState.Deleted);

    private static Task<IResult> StateAsync(HttpContext http, string id, TemplateState state) =>
        WithIdAsync(http, id, NoSuchTemplate, (business, templateId) => Service(http).SetStateAsync(business, templateId, state, http.RequestAborted));

    private static TemplateService Service(HttpContext http) => http.RequestServices.GetRequiredService<TemplateService>();
}
