namespace LinX.Core.Templates;

/// <summary>
/// One version of a business's template. Versions are immutable: an update writes a new one (same
/// <see cref="TemplateId"/>, the next <see cref="Version"/>, a new <see cref="TemplateVersionId"/>), so a workflow
/// created from a version keeps running on it. <see cref="State"/> is the template's (every version shares it).
/// </summary>
public sealed record TemplateVersion
{
    /// <summary>The template's id, the same for all its versions.</summary>
    public required Guid TemplateId { get; init; }

    /// <summary>This version's id.</summary>
    public required Guid TemplateVersionId { get; init; }

    /// <summary>1 for the first version, then 2, 3...</summary>
    public required int Version { get; init; }

    public required Guid BusinessId { get; init; }

    /// <summary>Unique per business (case-insensitive), fixed at creation: <c>[A-Za-z0-9][A-Za-z0-9._-]*</c>, at most 100.</summary>
    public required string Name { get; init; }

    /// <summary>Short readable name, 1–100 characters.</summary>
    public required string DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary>The memo shown to the customer; a workflow's own <c>customerMemo</c> overrides it.</summary>
    public string? CustomerMemo { get; init; }

    /// <summary>Days until a workflow from this version expires; a workflow's <c>expireInHours</c> overrides it.</summary>
    public int? DefaultExpiryDays { get; init; }

    /// <summary><c>definition.steps</c>, in order.</summary>
    public required IReadOnlyList<TemplateStep> Steps { get; init; }

    public required TemplateState State { get; init; }

    /// <summary>When the template (its first version) was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When this version was created.</summary>
    public required DateTimeOffset VersionCreatedAt { get; init; }
}
