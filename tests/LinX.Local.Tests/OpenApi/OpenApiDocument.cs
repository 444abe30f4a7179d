using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace LinX.Local.Tests.OpenApi;

/// <summary>Reads the served OpenAPI document and walks it.</summary>
internal static class OpenApiDocument
{
    public const string Route = "/openapi/v1.json";

    public static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    public static async Task<JsonObject> ReadAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>(Route)) ?? throw new InvalidOperationException("The OpenAPI document is empty.");

    /// <summary>Every operation: its method, path and object.</summary>
    public static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(p => Methods.Contains(p.Key)))
            {
                yield return (method, path, operation!.AsObject());
            }
        }
    }

    /// <summary>The JSON path of the first place where <paramref name="a"/> and <paramref name="b"/> differ, or null.</summary>
    public static string? FirstDifference(JsonNode? a, JsonNode? b, string path)
    {
        switch (a, b)
        {
            case (JsonObject x, JsonObject y):
                foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key)))
                {
                    if (FirstDifference(x[key], y[key], $"{path}['{key}']") is { } inner)
                    {
                        return inner;
                    }
                }

                return x.Count == y.Count ? null : path;
            case (JsonArray x, JsonArray y):
                for (var i = 0; i < Math.Max(x.Count, y.Count); i++)
                {
                    if (FirstDifference(i < x.Count ? x[i] : null, i < y.Count ? y[i] : null, $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return JsonNode.DeepEquals(a, b) ? null : path;
        }
    }
}
