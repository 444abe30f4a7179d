using LinX.Api.Templates;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Functions.Http;

/// <summary>
/// HTTP triggers of the business's template endpoints, one line each onto <see cref="TemplateEndpoints"/>. Anonymous at
/// the Functions level: the business API key is checked by the handlers. No Durable client: templates start nothing.
/// </summary>
public static class TemplateFunctions
{
    private const string Base = "api/linx/templates";

    [Function("CreateTemplate")]
    public static Task<IResult> CreateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base)] HttpRequest req) =>
        TemplateEndpoints.CreateAsync(req.HttpContext);

    [Function("SearchTemplates")]
    public static Task<IResult> SearchAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base)] HttpRequest req) =>
        TemplateEndpoints.SearchAsync(req.HttpContext);

    [Function("GetTemplate")]
    public static Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base + "/{id}")] HttpRequest req, string id) =>
        TemplateEndpoints.GetAsync(req.HttpContext, id);

    [Function("UpdateTemplate")]
    public static Task<IResult> UpdateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Base + "/{id}")] HttpRequest req, string id) =>
        TemplateEndpoints.UpdateAsync(req.HttpContext, id);

    [Function("DeleteTemplate")]
    public static Task<IResult> DeleteAsync([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Base + "/{id}")] HttpRequest req, string id) =>
        TemplateEndpoints.DeleteAsync(req.HttpContext, id);

    [Function("ListTemplateVersions")]
    public static Task<IResult> VersionsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base + "/{id}/versions")] HttpRequest req, string id) =>
        TemplateEndpoints.VersionsAsync(req.HttpContext, id);

    [Function("GetTemplateVersion")]
    public static Task<IResult> VersionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base + "/{id}/versions/{versionId}")] HttpRequest req, string id, string versionId) =>
        TemplateEndpoints.VersionAsync(req.HttpContext, id, versionId);

    [Function("ActivateTemplate")]
    public static Task<IResult> ActivateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/activate")] HttpRequest req, string id) =>
        TemplateEndpoints.ActivateAsync(req.HttpContext, id);

    [Function("SuspendTemplate")]
    public static Task<IResult> SuspendAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/suspend")] HttpRequest req, string id) =>
        TemplateEndpoints.SuspendAsync(req.HttpContext, id);

    [Function("ArchiveTemplate")]
    public static Task<IResult> ArchiveAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/archive")] HttpRequest req, string id) =>
        TemplateEndpoints.ArchiveAsync(req.HttpContext, id);
}
