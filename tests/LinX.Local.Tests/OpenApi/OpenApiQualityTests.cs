using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LinX.Local.Tests.OpenApi;

/// <summary>
/// What makes the served OpenAPI document usable by a client generator and a reader: every operation named, summarised,
/// with its body, all its answers (errors as the one shared ProblemDetails) and its security; plain text throughout.
/// A route added without its documentation fails here.
/// </summary>
[Collection(LocalHostTests.Name)]
public sealed class OpenApiQualityTests(LocalHostFixture host)
{
    private const string ProblemDetailsRef = "#/components/schemas/ProblemDetails";

    // A command on a resource that reads no body says so to the reader, in its description; any other POST or PUT has one.
    private const string NoBody = "Takes no body.";

    // The readiness probe's 503 is its own health answer (which check failed), not a problem.
    private static readonly string[] HealthAnswer503 = ["GetReadiness", "GetHealth"];

    [Fact]
    public async Task Document_IsOpenApi31WithOperations()
    {
        // Act
        var document = await OpenApiDocument.ReadAsync(host.Anonymous);

        // Assert
        Assert.StartsWith("3.1.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("LinX API", document["info"]!["title"]!.GetValue<string>());
        Assert.NotEmpty(OpenApiDocument.Operations(document));
    }

    [Fact]
    public async Task EveryOperation_HasAnOperationIdAndASummary()
    {
        // Act
        var document = await OpenApiDocument.ReadAsync(host.Anonymous);

        // Assert
        var unnamed = OpenApiDocument.Operations(document)
            .Where(o => string.IsNullOrWhiteSpace(Text(o.Operation, "operationId")) || string.IsNullOrWhiteSpace(Text(o.Operation, "summary")))
            .Select(o => $"{o.Method} {o.Path}")
            .ToList();
        Assert.True(unnamed.Count == 0, "Without operationId or summary (.WithName, .WithSummary): " + string.Join(", ", unnamed));
        var ids = OpenApiDocument.Operations(document).Select(o => Text(o.Operation, "operationId")).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task EveryPostAndPut_ThatReadsABody_DocumentsIt()
    {
        // Act
        var document = await OpenApiDocument.ReadAsync(host.Anonymous);

        // Assert
        var missing = OpenApiDocument.Operations(document)
            .Where(o => o.Method is "post" or "put" && Text(o.Operation, "description")?.Contains(NoBody, StringComparison.Ordinal) != true)
            .Where(o => o.Operation["requestBody"]?["content"] is not JsonObject content || content.Any(c => c.Value?["schema"] is null) || content.Count == 0)
            .Select(o => $"{Text(o.Operation, "operationId")} ({o.Method} {o.Path})")
            .ToList();
        Assert.True(missing.Count == 0, $"No request body schema (.ReadsJson<T>, or Accepts for a raw body), nor \"{NoBody}\" in the description: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task EveryOperation_DocumentsItsSuccessAndItsErrors()
    {
        // Act
        var document = await OpenApiDocument.ReadAsync(host.Anonymous);

        // Assert: not the framework's lone "200 OK", and a success answer besides the shared errors.
        var undocumented = OpenApiDocument.Operations(document)
            .Select(o => (o.Operation, Statuses: Responses(o.Operation).Select(r => r.Status).ToList()))
            .Where(o => o.Statuses is ["200"] || !o.Statuses.Any(s => s.StartsWith('2')) || !o.Statuses.Any(s => s[0] is '4' or '5'))
            .Select(o => $"{Text(o.Operation, "operationId")} [{string.Join(", ", o.Statuses)}]")
            .ToList();
        Assert.True(undocumented.Count == 0, "Answers not documented (.Responds<T>, .RespondsProblem): " + string.Join(", ", undocumented));
    }

    [Fact]
    public async Task EveryErrorAnswer_IsTheSharedProblemDetails()
    {
        // Act
        var document = await OpenApiDocument.ReadAsync(host.Anonymous);

        // Assert
        var wrong = (
            from o in OpenApiDocument.Operations(document)
            from r in Responses(o.Operation)
            where r.Status[0] is '4' or '5'
            where !(r.Status == "503" && HealthAnswer503.Contains(Text(o.Operation, "operationId")))
            let content = r.Response["content"]?.AsObject()
            where content is null || content.Count != 1 || content["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>() != ProblemDetailsRef
            select $"{Text(o.Operation, "operationId")} {r.Status}").ToList();
        Assert.True(wrong.Count == 0, "Error answers that are not application/problem+json ProblemDetails: " + string.Join(", ", wrong));
        Assert.NotNull(document["components"]?["schemas"]?["ProblemDetails"]);
    }

    [Fact]
    public async Task ProblemDetailsSchema_IsWhatAnErrorAnswerHolds()
    {
        // Arrange
        var document = await OpenApiDocument.ReadAsync(host.Anonymous);
        var schema = document["components"]!["schemas"]!["ProblemDetails"]!;

        // Act
        var response = await host.Business.GetAsync($"/api/linx/workflows/{Guid.NewGuid()}");
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var properties = schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(properties, problem!.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(properties, schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BusinessOperations_RequireTheApiKey_AndHealthDoesNot()
    {
        // Act
        var document = await OpenApiDocument.ReadAsync(host.Anonymous);

        // Assert
        var scheme = document["components"]?["securitySchemes"]?["ApiKey"];
        Assert.Equal("http", scheme?["type"]?.GetValue<string>());
        Assert.Equal("bearer", scheme?["scheme"]?.GetValue<string>());
        var declared = document["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var wrong = new List<string>();
        foreach (var (_, path, operation) in OpenApiDocument.Operations(document))
        {
            var schemes = operation["security"]?.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key)).ToList() ?? [];
            var id = Text(operation, "operationId");
            if (path.StartsWith("/health", StringComparison.Ordinal))
            {
                AddUnless(schemes.Count == 0, $"{id} must take no key (a probe)");
            }
            else if (path.StartsWith("/api/linx/", StringComparison.Ordinal) || path.StartsWith("/runtime/webhooks/durabletask/", StringComparison.Ordinal))
            {
                AddUnless(schemes is ["ApiKey"], $"{id} must require the business API key (.DocumentedAsBusinessApi())");
            }
            else
            {
                AddUnless(schemes.Count > 0 && schemes.All(declared.Contains), $"{id} must declare the security scheme it requires (.RequiresSecurityScheme)");
            }
        }

        Assert.True(wrong.Count == 0, "Security not as it should be: " + string.Join("; ", wrong));

        void AddUnless(bool right, string what)
        {
            if (!right)
            {
                wrong.Add(what);
            }
        }
    }

    [Fact]
    public async Task EveryText_IsPlain_NotXmlEscaped()
    {
        // Act
        var document = await OpenApiDocument.ReadAsync(host.Anonymous);

        // Assert
        string[] escapes = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#"];
        var escaped = Strings(document, "$").Where(s => escapes.Any(e => s.Value.Contains(e, StringComparison.Ordinal))).Select(s => s.Path).ToList();
        Assert.True(escaped.Count == 0, "XML escapes in: " + string.Join(", ", escaped));
    }

    [Fact]
    public async Task HandReadParameters_AreDocumentedWithTheirTypes()
    {
        // Act
        var document = await OpenApiDocument.ReadAsync(host.Anonymous);

        // Assert
        var search = Parameters(document, "/api/linx/workflows", "get");
        Assert.Equal(["status", "search", "templateId", "sort", "page", "size"], search.Keys);
        Assert.Equal("uuid", search["templateId"]["schema"]!["format"]!.GetValue<string>());
        Assert.Equal(["createdAt,DESC", "createdAt,ASC"], search["sort"]["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("integer", search["size"]["schema"]!["type"]!.GetValue<string>());
        Assert.Equal(100, search["size"]["schema"]!["maximum"]!.GetValue<int>());
        Assert.Contains("ACTIVE", search["status"]["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        var key = Parameters(document, "/api/linx/workflows", "post")["Idempotency-Key"];
        Assert.Equal("header", key["in"]!.GetValue<string>());
        Assert.Equal(6, key["schema"]!["minLength"]!.GetValue<int>());
        Assert.Equal("uuid", Parameters(document, "/api/linx/workflows/{id}", "get")["id"]["schema"]!["format"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateWorkflow_ExamplesAreTheSeedsExamplesAndAValidEightStepRequest()
    {
        // Act
        var document = await OpenApiDocument.ReadAsync(host.Anonymous);

        // Assert
        var examples = document["paths"]!["/api/linx/workflows"]!["post"]!["requestBody"]!["content"]!["application/json"]!["examples"]!.AsObject();
        Assert.Equal(5, examples.Count);
        for (var seed = 1; seed <= 4; seed++)
        {
            var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Seed", $"seed-{seed}.json")));
            Assert.True(JsonNode.DeepEquals(expected, examples[$"seed-{seed}"]!["value"]), $"Example seed-{seed} is not Seed/seed-{seed}.json.");
        }

        var eight = new Core.Workflows.WorkflowRequestValidator().Validate(System.Text.Encoding.UTF8.GetBytes(examples["all-eight-steps"]!["value"]!.ToJsonString()));
        Assert.True(eight.IsValid, string.Join("; ", eight.Errors.Select(e => e.Path + " " + e.ErrorCode)));
        Assert.Equal(6, eight.Plan!.Steps.Count);
    }

    private static string? Text(JsonObject node, string name) => node[name]?.GetValue<string>();

    private static IEnumerable<(string Status, JsonObject Response)> Responses(JsonObject operation) =>
        operation["responses"]?.AsObject().Select(r => (r.Key, r.Value!.AsObject())) ?? [];

    private static Dictionary<string, JsonObject> Parameters(JsonObject document, string path, string method) =>
        document["paths"]![path]![method]!["parameters"]!.AsArray()
            .Select(p => p!.AsObject())
            .ToDictionary(p => p["name"]!.GetValue<string>(), StringComparer.Ordinal);

    private static IEnumerable<(string Path, string Value)> Strings(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value, $"{path}.{p.Key}")),
        JsonArray a => a.SelectMany((item, i) => Strings(item, $"{path}[{i}]")),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [(path, v.GetValue<string>())],
        _ => [],
    };
}
