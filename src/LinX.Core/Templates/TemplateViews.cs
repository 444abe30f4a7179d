using System.Text.Json.Nodes;
using LinX.Core.Workflows;

namespace LinX.Core.Templates;

/// <summary>A step of a template as RocketKOR's Template Detail object shows it.</summary>
/// <param name="Name">The step's contract name.</param>
/// <param name="DisplayName">Its short title.</param>
/// <param name="Description">What it does.</param>
/// <param name="Input">Its <c>user</c> and <c>preDefined</c> parameters; null when the template sets none.</param>
public sealed record TemplateStepView(string Name, string DisplayName, string Description, TemplateStepInputView? Input);

/// <summary>A step's <c>input</c>: what the customer is asked for, and the parameters the template fixes.</summary>
public sealed record TemplateStepInputView(JsonObject? User, JsonObject? PreDefined);

/// <summary>RocketKOR's LinX Template Detail object: one version, with the template's state and usage.</summary>
public sealed record TemplateDetails(
    Guid TemplateId,
    Guid TemplateVersionId,
    int Version,
    string Name,
    string DisplayName,
    string? Description,
    string? CustomerMemo,
    int? DefaultExpiryDays,
    TemplateState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset VersionCreatedAt,
    TemplateStats Stats,
    IReadOnlyList<TemplateStepView> Steps)
{
    public static TemplateDetails From(TemplateVersion template, TemplateStats stats)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new(
            template.TemplateId, template.TemplateVersionId, template.Version, template.Name, template.DisplayName, template.Description,
            template.CustomerMemo, template.DefaultExpiryDays, template.State, template.CreatedAt, template.VersionCreatedAt, stats,
            [.. template.Steps.Select(StepView)]);
    }

    private static TemplateStepView StepView(TemplateStep step)
    {
        var definition = StepCatalog.Find(step.Name);
        return new TemplateStepView(
            step.Name, definition?.DisplayName ?? step.Name, definition?.Description ?? string.Empty,
            step.User is null && step.PreDefined is null ? null : new TemplateStepInputView(step.User, step.PreDefined));
    }
}

/// <summary>RocketKOR's LinX Template Summary object: a version without its steps, with the template's state and usage.</summary>
public sealed record TemplateSummary(
    Guid TemplateId,
    Guid TemplateVersionId,
    int Version,
    string Name,
    string DisplayName,
    string? Description,
    int NumberOfSteps,
    TemplateState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset VersionCreatedAt,
    TemplateStats Stats)
{
    public static TemplateSummary From(TemplateVersion template, TemplateStats stats)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new(
            template.TemplateId, template.TemplateVersionId, template.Version, template.Name, template.DisplayName, template.Description,
            template.Steps.Count, template.State, template.CreatedAt, template.VersionCreatedAt, stats);
    }
}

/// <summary>One page of templates in RocketKOR's paging shape (Sorting and Pagination): 1-based <see cref="Number"/>.</summary>
public sealed record TemplatePage(
    int TotalElements,
    int TotalPages,
    int Number,
    int NumberOfElements,
    bool HasNext,
    IReadOnlyList<TemplateSummary> Content);
