using LinX.Core.Businesses;
using LinX.Core.Workflows;

namespace LinX.Core.Templates;

/// <summary>
/// The business side of templates (ADR 0021). Every read and write is tenant-checked: another business's template is
/// <see cref="ServiceOutcome.NotFound"/> (and, named by a workflow request, <see cref="ServiceErrorCodes.TemplateNotFound"/>).
/// </summary>
public sealed class TemplateService(ITemplateStore templates)
{
    /// <summary>Where a workflow request names its template by id.</summary>
    public const string TemplateIdPath = "$.templateId";

    /// <summary>Where a workflow request names its template by name.</summary>
    public const string TemplateNamePath = "$.templateName";

    /// <summary>
    /// The latest version of the business's ACTIVE template named by <paramref name="templateId"/> or
    /// <paramref name="templateName"/> (exactly one): Invalid (400) when both or neither are given, Unprocessable (422)
    /// with <see cref="ServiceErrorCodes.TemplateNotFound"/> or <see cref="ServiceErrorCodes.TemplateNotActive"/>.
    /// The errors' paths are <see cref="TemplateIdPath"/> and <see cref="TemplateNamePath"/>.
    /// </summary>
    public async Task<ServiceResult<TemplateVersion>> ResolveAsync(
        Business business, Guid? templateId, string? templateName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        if (templateId is not null && templateName is not null)
        {
            return ServiceResult.Fail<TemplateVersion>(ServiceOutcome.Invalid, new FieldError(
                TemplateNamePath, "Give templateId or templateName, not both.", WorkflowErrorCodes.TemplateReferenceConflict));
        }

        if (templateId is null && templateName is null)
        {
            return ServiceResult.Fail<TemplateVersion>(ServiceOutcome.Invalid, new FieldError(
                TemplateIdPath, "Give templateId or templateName.", WorkflowErrorCodes.FieldRequired));
        }

        var path = templateId is null ? TemplateNamePath : TemplateIdPath;
        var id = templateId ?? await templates.FindByNameAsync(business.BusinessId, templateName!, cancellationToken);
        var template = id is { } found ? await templates.GetLatestAsync(business.BusinessId, found, cancellationToken) : null;
        if (template is null)
        {
            return ServiceResult.Fail<TemplateVersion>(ServiceOutcome.Unprocessable, new FieldError(
                path, "The business has no template with this " + (templateId is null ? "name." : "id."), ServiceErrorCodes.TemplateNotFound));
        }

        if (template.State != TemplateState.Active)
        {
            return ServiceResult.Fail<TemplateVersion>(ServiceOutcome.Unprocessable, new FieldError(
                path, $"The template is {template.State.ToContractString()}: only an ACTIVE template creates workflows.", ServiceErrorCodes.TemplateNotActive));
        }

        return ServiceResult.Ok(template);
    }
}
