using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LinX.Local.Tests;

[Collection(LocalHostTests.Name)]
public sealed class InvalidCorpusTests(LocalHostFixture host)
{
    [Fact]
    public async Task CreateWorkflow_EveryInvalidCorpusRequest_IsProblemDetailsAndPersistsNothing()
    {
        // Arrange: a business of its own, so that "nothing persisted" is an exact count.
        var (_, client) = await host.CreateBusinessAsync("Corpus Tester");
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus", "invalid"), "*.json")
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var smsBefore = await host.SmsCountAsync();
        var failures = new List<string>();

        // Act
        foreach (var file in files)
        {
            using var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
            content.Headers.ContentType = new("application/json");
            using var response = await client.PostAsync("/api/linx/workflows", content);
            var status = (int)response.StatusCode;
            if (status is not (400 or 422) || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{Path.GetFileName(file)}: {status} {response.Content.Headers.ContentType?.MediaType}");
                continue;
            }

            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (problem.GetProperty("status").GetInt32() != status || problem.GetProperty("errors").GetArrayLength() == 0)
            {
                failures.Add($"{Path.GetFileName(file)}: problem body without status or errors");
            }
        }

        // Assert: every request rejected as problem details; no workflow and no SMS for any.
        Assert.True(files.Count >= 60, $"corpus has {files.Count} requests");
        Assert.Empty(failures);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/linx/workflows?size=100");
        Assert.Equal(0, page.GetProperty("totalElements").GetInt32());
        Assert.Equal(smsBefore, await host.SmsCountAsync());
    }
}
