using System.Text.Json.Nodes;
using LinX.Core.Workflows;

namespace LinX.Core.Templates;

/// <summary>
/// A template (and a request's input) composed into a regular workflow request (<see cref="Request"/>, the JSON that
/// <see cref="WorkflowRequestValidator"/> reads), with the problems found while composing and, for every problem the
/// validator then finds, where its value came from: the request's input or the template.
/// </summary>
public sealed class TemplateComposition
{
    private readonly List<(string Composed, string Origin)> _origins;
    private readonly string _inputRoot;
    private readonly string _templateRoot;

    internal TemplateComposition(JsonObject request, IReadOnlyList<FieldError> errors, List<(string, string)> origins, string inputRoot, string templateRoot)
    {
        Request = request;
        Errors = errors;
        _origins = origins;
        _inputRoot = inputRoot;
        _templateRoot = templateRoot;
    }

    /// <summary>The composed workflow request, in the contract's shape.</summary>
    public JsonObject Request { get; }

    /// <summary>Problems of the composition itself (a parameter fixed by the template given again, one on the wrong step).</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>
    /// The path, in the caller's body or the template, of a path of <see cref="Request"/>: a value the template gave maps
    /// into the template (<c>definition.steps[i].input.preDefined.x</c>, <c>defaultExpiryDays</c>...), anything else into
    /// the input (a missing parameter is the input's to give).
    /// </summary>
    public string OriginOf(string composedPath)
    {
        ArgumentNullException.ThrowIfNull(composedPath);
        foreach (var (composed, origin) in _origins)
        {
            if (composedPath == composed || IsUnder(composedPath, composed))
            {
                return origin + composedPath[composed.Length..];
            }
        }

        // The steps are the template's; everything else is the input's (or the body's root).
        return composedPath.StartsWith(JsonPath.Steps, StringComparison.Ordinal)
            ? _templateRoot + ".definition" + composedPath[1..].Replace(".inputs", ".input", StringComparison.Ordinal)
            : _inputRoot + composedPath[1..];
    }

    /// <summary>The composition's problems and <paramref name="validation"/>'s, each at its origin.</summary>
    public IReadOnlyList<FieldError> WithOrigins(IEnumerable<FieldError> validation) =>
        [.. Errors, .. validation.Select(e => e with { Path = OriginOf(e.Path) })];

    private static bool IsUnder(string path, string prefix) =>
        path.Length > prefix.Length && path.StartsWith(prefix, StringComparison.Ordinal) && path[prefix.Length] is '.' or '[';
}
