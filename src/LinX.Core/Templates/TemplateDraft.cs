namespace LinX.Core.Templates;

/// <summary>A template as a create or update body gives it, read but not yet validated by the workflow rules.</summary>
public sealed record TemplateDraft
{
    /// <summary>The name asked for; generated from <see cref="DisplayName"/> when absent (create only).</summary>
    public string? Name { get; init; }

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public string? CustomerMemo { get; init; }

    public int? DefaultExpiryDays { get; init; }

    /// <summary><c>definition.steps</c>; null when the definition or its steps are absent or unreadable.</summary>
    public IReadOnlyList<TemplateStep>? Steps { get; init; }
}
