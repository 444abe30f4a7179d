namespace LinX.Core.Templates;

/// <summary>
/// How much a template is used, as RocketKOR's <c>stats</c>: workflows created from it, those still active (CREATED or
/// ACTIVE, not ended), and when it last created one; for one version (<c>currentVersion…</c>) and for all
/// (<c>allVersions…</c>). Kept as counters updated with the workflow's own row (ADR 0021), not counted per read.
/// </summary>
public sealed record TemplateStats(
    int AllVersionsActiveWorkflows,
    int AllVersionsWorkflows,
    DateTimeOffset? AllVersionsLastExecutedAt,
    int CurrentVersionActiveWorkflows,
    int CurrentVersionWorkflows,
    DateTimeOffset? CurrentVersionLastExecutedAt)
{
    /// <summary>A template no workflow was created from yet.</summary>
    public static TemplateStats None { get; } = new(0, 0, null, 0, 0, null);
}
