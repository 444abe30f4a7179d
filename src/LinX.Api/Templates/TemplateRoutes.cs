using LinX.Api.OpenApi;
using LinX.Core.Templates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LinX.Api.Templates;

/// <summary>Maps the template routes (<c>/api/linx/templates...</c>) onto <see cref="TemplateEndpoints"/>.</summary>
public static class TemplateRoutes
{
    private const string BodyProblem =
        "The template breaks the workflow contract or its own rules (errors lists every problem, at the template's paths), is not JSON, or is larger than 48 KiB.";

    public static IEndpointRouteBuilder MapLinXTemplates(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/linx/templates").WithTags("Templates").DocumentedAsBusinessApi();
        templates.MapPost(string.Empty, (Func<HttpContext, Task<IResult>>)TemplateEndpoints.CreateAsync).WithName("CreateTemplate")
            .WithSummary("Create a template")
            .WithDescription("Saves a workflow configuration as version 1 of an ACTIVE template: steps with their customer inputs (input.user) and fixed parameters (input.preDefined), a customer memo and an expiry in days. It is checked by the workflow request's rules, except that what a request gives (title, phoneNumber, customerId, customerFinancialAccountId, baFinancialAccountId, amount, or any parameter the template leaves out) may be absent.")
            .ReadsJson<TemplateRequestBody>(BodyProblem)
            .Responds<TemplateDetails>(StatusCodes.Status201Created, "The template's first version.")
            .WithResponseHeader(StatusCodes.Status201Created, "Location", "The template: /api/linx/templates/{templateId}.")
            .RespondsProblem(StatusCodes.Status409Conflict, "The business already has a template of this name (TEMPLATE_NAME_TAKEN).");
        templates.MapGet(string.Empty, (Func<HttpContext, Task<IResult>>)TemplateEndpoints.SearchAsync).WithName("SearchTemplates")
            .WithSummary("Search templates")
            .WithDescription("The business's templates (their latest versions) whose id, name or display name contains search, by status (DELETED ones only when asked for), sorted (default createdAt,DESC), one 1-based page at a time.")
            .WithTemplateSearchQuery()
            .Responds<TemplatePage>(StatusCodes.Status200OK, "One page of template summaries, with their usage.")
            .RespondsInvalidQuery();
        templates.MapGet("/{id}", TemplateEndpoints.GetAsync).WithName("GetTemplate")
            .WithSummary("Get a template")
            .WithDescription("The template's latest version: its steps and parameters, state, and usage (workflows created, still active, last created) of this version and of all.")
            .RespondsOkOrNotFound<TemplateDetails>("The latest version.", "template");
        templates.MapPut("/{id}", TemplateEndpoints.UpdateAsync).WithName("UpdateTemplate")
            .WithSummary("Update a template")
            .WithDescription("Adds a new version (the same templateId, the next version, a new templateVersionId) with the same body as create; the name cannot change. Earlier versions stay readable, and workflows created from them keep running on them.")
            .ReadsJson<TemplateRequestBody>(BodyProblem)
            .RespondsOkOrNotFound<TemplateDetails>("The new version.", "template")
            .RespondsProblem(StatusCodes.Status409Conflict, "The template is DELETED (TEMPLATE_DELETED).");
        templates.MapGet("/{id}/versions", TemplateEndpoints.VersionsAsync).WithName("ListTemplateVersions")
            .WithSummary("List a template's versions")
            .WithDescription("Every version of the template, newest first, each with its own usage.")
            .RespondsOkOrNotFound<IReadOnlyList<TemplateSummary>>("The versions.", "template");
        templates.MapGet("/{id}/versions/{versionId}", TemplateEndpoints.VersionAsync).WithName("GetTemplateVersion")
            .WithSummary("Get a template version")
            .WithDescription("One version of the template, with its steps, parameters and usage.")
            .RespondsOkOrNotFound<TemplateDetails>("The version.", "template version");
        MapState(templates.MapPost("/{id}/activate", TemplateEndpoints.ActivateAsync).WithName("ActivateTemplate"), "Activate a template", "The template creates workflows again (ACTIVE). Takes no body.");
        MapState(templates.MapPost("/{id}/suspend", TemplateEndpoints.SuspendAsync).WithName("SuspendTemplate"), "Suspend a template", "The template creates no workflow (422 TEMPLATE_NOT_ACTIVE) until it is activated; running workflows continue. Takes no body.");
        MapState(templates.MapPost("/{id}/archive", TemplateEndpoints.ArchiveAsync).WithName("ArchiveTemplate"), "Archive a template", "The template is kept for the record and creates no workflow; it can be activated again. Takes no body.");
        MapState(templates.MapDelete("/{id}", TemplateEndpoints.DeleteAsync).WithName("DeleteTemplate"), "Delete a template", "The template is DELETED for good: hidden from search, no new version or workflow; its versions stay readable and its running workflows continue.");
        return app;
    }

    private static void MapState(RouteHandlerBuilder builder, string summary, string description) =>
        builder.WithSummary(summary).WithDescription(description)
            .RespondsOkOrNotFound<TemplateDetails>("The template's latest version, in its new state.", "template")
            .RespondsProblem(StatusCodes.Status409Conflict, "The template is DELETED (TEMPLATE_DELETED).");
}
