using System.Text.Json;

namespace LinX.Api.OpenApi;

/// <summary>The seed's four example requests (embedded from <c>OpenApi/Examples</c>), named by their titles.</summary>
internal static class WorkflowRequestExamples
{
    public static IReadOnlyList<OpenApiRequestExample> All { get; } = [.. Enumerable.Range(1, 4).Select(Load)];

    private static OpenApiRequestExample Load(int number)
    {
        using var stream = typeof(WorkflowRequestExamples).Assembly.GetManifestResourceStream($"LinX.OpenApi.seed-{number}.json")
            ?? throw new InvalidOperationException($"The embedded example seed-{number}.json is missing.");
        using var reader = new StreamReader(stream);
        var json = reader.ReadToEnd();
        using var document = JsonDocument.Parse(json);
        return new OpenApiRequestExample($"seed-{number}", document.RootElement.GetProperty("title").GetString()!, json);
    }
}
