namespace LinX.Core.Templates;

/// <summary>The template version a workflow was created from.</summary>
/// <param name="TemplateId">The template's id (the same for all its versions).</param>
/// <param name="TemplateVersionId">The version's id.</param>
/// <param name="Version">The version's number.</param>
public sealed record TemplateReference(Guid TemplateId, Guid TemplateVersionId, int Version)
{
    public static TemplateReference Of(TemplateVersion template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new TemplateReference(template.TemplateId, template.TemplateVersionId, template.Version);
    }
}
