using System.Text.Json;

namespace LinX.Api.OpenApi;

/// <summary>
/// The seed's four example requests and one with enhance-profile and document-acceptance (the demo business's documents),
/// embedded from <c>OpenApi/Examples</c>, named by their titles.
/// </summary>
internal static class WorkflowRequestExamples
{
    public static IReadOnlyList<OpenApiRequestExample> All { get; } =
        [.. Enumerable.Range(1, 4).Select(n => $"seed-{n}").Append("all-eight-steps").Select(Load)];

    private static OpenApiRequestExample Load(string name)
    {
        using var stream = typeof(WorkflowRequestExamples).Assembly.GetManifestResourceStream($"LinX.OpenApi.{name}.json")
            ?? throw new InvalidOperationException($"The embedded example {name}.json is missing.");
        using var reader = new StreamReader(stream);
        var json = reader.ReadToEnd();
        using var document = JsonDocument.Parse(json);
        return new OpenApiRequestExample(name, document.RootElement.GetProperty("title").GetString()!, json);
    }
}
