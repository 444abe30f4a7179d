using LinX.Core.Common;

namespace LinX.Core.Templates;

/// <summary>What happened to a template write.</summary>
public enum TemplateWriteOutcome
{
    /// <summary>Written.</summary>
    Written,

    /// <summary>The business already has a template of this name (create), or the template changed meanwhile (update).</summary>
    Conflict,

    /// <summary>No such template for this business.</summary>
    NotFound,
}

/// <summary>How template search sorts: by a field, ascending or descending.</summary>
/// <param name="Field"><c>createdAt</c>, <c>name</c> or <c>displayName</c>.</param>
/// <param name="Descending">True for DESC.</param>
public sealed record TemplateSort(string Field, bool Descending)
{
    public const string CreatedAt = "createdAt";
    public const string Name = "name";
    public const string DisplayName = "displayName";

    /// <summary>RocketKOR's default: <c>createdAt,DESC</c>.</summary>
    public static TemplateSort Default { get; } = new(CreatedAt, true);

    /// <summary>The fields templates can be sorted by.</summary>
    public static IReadOnlyList<string> Fields { get; } = [CreatedAt, Name, DisplayName];
}

/// <summary>
/// Templates and their versions, partitioned by business (another business's template is not found). Versions are
/// append-only; the template's state and latest version live in one head row written with the new version atomically.
/// </summary>
public interface ITemplateStore
{
    /// <summary>Stores a template's first version; <see cref="TemplateWriteOutcome.Conflict"/> when its name is taken.</summary>
    Task<TemplateWriteOutcome> CreateAsync(TemplateVersion first, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="next"/> as the template's latest version if the latest is still
    /// <c>next.Version - 1</c>; <see cref="TemplateWriteOutcome.Conflict"/> when another update came first.
    /// </summary>
    Task<TemplateWriteOutcome> AddVersionAsync(TemplateVersion next, CancellationToken cancellationToken);

    /// <summary>The latest version, with the template's state; null when the business has no such template.</summary>
    Task<TemplateVersion?> GetLatestAsync(Guid businessId, Guid templateId, CancellationToken cancellationToken);

    /// <summary>One version, with the template's state; null when unknown for this business.</summary>
    Task<TemplateVersion?> GetVersionAsync(Guid businessId, Guid templateId, Guid templateVersionId, CancellationToken cancellationToken);

    /// <summary>Every version, newest first; empty when the business has no such template.</summary>
    Task<IReadOnlyList<TemplateVersion>> ListVersionsAsync(Guid businessId, Guid templateId, CancellationToken cancellationToken);

    /// <summary>The id of the business's template named <paramref name="name"/> (case-insensitive), or null.</summary>
    Task<Guid?> FindByNameAsync(Guid businessId, string name, CancellationToken cancellationToken);

    /// <summary>Sets the template's state (every version's).</summary>
    Task<TemplateWriteOutcome> SetStateAsync(Guid businessId, Guid templateId, TemplateState state, CancellationToken cancellationToken);

    /// <summary>
    /// The latest versions of the business's templates: not DELETED unless <paramref name="state"/> asks for them, whose
    /// id, name or display name contains <paramref name="text"/> (case-insensitive), sorted, one 1-based page.
    /// </summary>
    Task<ResultPage<TemplateVersion>> SearchAsync(
        Guid businessId, string? text, TemplateState? state, TemplateSort sort, int page, int size, CancellationToken cancellationToken);

    /// <summary>The usage counters of one version and of all versions of its template.</summary>
    Task<TemplateStats> GetStatsAsync(Guid businessId, Guid templateId, Guid templateVersionId, CancellationToken cancellationToken);
}
