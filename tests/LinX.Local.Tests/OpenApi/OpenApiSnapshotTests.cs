using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinX.Testing;

namespace LinX.Local.Tests.OpenApi;

/// <summary>
/// The served OpenAPI document is the checked-in <c>docs/openapi/linx-v1.json</c>: clients are generated from that file
/// (tests/LinX.Client.Tests), so a change of the API shows up in review as a change of the file.
/// </summary>
[Collection(LocalHostTests.Name)]
public sealed class OpenApiSnapshotTests(LocalHostFixture host)
{
    public const string UpdateVariable = "LINX_UPDATE_OPENAPI";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string CheckedInPath { get; } = Path.Combine(RepoPaths.Root, "docs", "openapi", "linx-v1.json");

    [Fact]
    public async Task ServedDocument_IsTheCheckedInFile()
    {
        // Arrange
        var served = await OpenApiDocument.ReadAsync(host.Anonymous);
        var text = served.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1" && (!File.Exists(CheckedInPath) || await File.ReadAllTextAsync(CheckedInPath) != text))
        {
            await File.WriteAllTextAsync(CheckedInPath, text);
        }

        // Act
        var checkedIn = File.Exists(CheckedInPath) ? JsonNode.Parse(await File.ReadAllTextAsync(CheckedInPath)) : null;

        // Assert
        var difference = OpenApiDocument.FirstDifference(served, checkedIn, "$");
        Assert.True(
            difference is null,
            $"{CheckedInPath} is not the document LinX serves at /openapi/v1.json (first difference at {difference}). " +
            $"If the API change is intended, refresh the file with: {UpdateVariable}=1 dotnet test tests/LinX.Local.Tests --filter {nameof(OpenApiSnapshotTests)}, and review its diff.");
    }
}
