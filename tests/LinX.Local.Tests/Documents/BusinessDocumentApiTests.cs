using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LinX.Core.Security;
using LinX.Infrastructure.Demo;

namespace LinX.Local.Tests.Documents;

/// <summary>Issue 18, item 3: the business's documents over real HTTP and Azurite: versions, hashes, validation, tenant isolation.</summary>
[Collection(LocalHostTests.Name)]
public sealed class BusinessDocumentApiTests(LocalHostFixture host)
{
    [Fact]
    public async Task CreateThenUpdate_KeepsEachVersionImmutableAndHashed()
    {
        // Arrange
        var (_, business) = await host.CreateBusinessAsync("Document Keeper");
        var body = new { documentId = "privacy-policy", documentGroup = "PRIVACY_POLICY", title = "Privacy policy", text = "We keep little.\r\nWe sell nothing.", locale = "fr-CA" };

        // Act
        using var created = await business.PostAsJsonAsync("/api/linx/documents", body);
        using var repeated = await business.PostAsJsonAsync("/api/linx/documents", body);
        using var updated = await business.PutAsJsonAsync("/api/linx/documents/privacy-policy", new { title = "Privacy policy", text = "We keep less." });
        using var unchanged = await business.PutAsJsonAsync("/api/linx/documents/privacy-policy", new { title = "Privacy policy", text = "We keep less." });
        var first = await business.GetFromJsonAsync<JsonElement>("/api/linx/documents/privacy-policy/versions/1");
        var current = await business.GetFromJsonAsync<JsonElement>("/api/linx/documents/privacy-policy");
        var list = await business.GetFromJsonAsync<JsonElement>("/api/linx/documents");

        // Assert
        Assert.Equal(
            (HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            (created.StatusCode, repeated.StatusCode, updated.StatusCode, unchanged.StatusCode));
        Assert.Equal(("We keep little.\nWe sell nothing.", 1, false), (first.GetProperty("text").GetString(), first.GetProperty("version").GetInt32(), first.GetProperty("isCurrentVersion").GetBoolean()));
        Assert.Equal(Hashing.Sha256Hex("We keep little.\nWe sell nothing."), first.GetProperty("sha256").GetString());
        Assert.Equal((2, true, "fr-CA", "PRIVACY_POLICY"), (current.GetProperty("version").GetInt32(), current.GetProperty("isCurrentVersion").GetBoolean(),
            current.GetProperty("locale").GetString(), current.GetProperty("documentGroup").GetString()));
        Assert.Equal(Hashing.Sha256Hex("We keep less."), current.GetProperty("sha256").GetString());
        var listed = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal((2, JsonValueKind.Null), (listed.GetProperty("version").GetInt32(), listed.GetProperty("text").ValueKind));
    }

    [Fact]
    public async Task Create_BadBodyOrTakenId_ListsEveryProblemAndStoresNothing()
    {
        var (_, business) = await host.CreateBusinessAsync("Document Validator");

        using var bad = await business.PostAsJsonAsync("/api/linx/documents", new { documentId = "Not An Id", documentGroup = "COOKIES", title = "", text = "a\u0007b", locale = "de", extra = 1 });
        using var good = await business.PostAsJsonAsync("/api/linx/documents", new { documentId = "terms", documentGroup = "OTHER", title = "Terms", text = "One." });
        using var taken = await business.PostAsJsonAsync("/api/linx/documents", new { documentId = "terms", documentGroup = "OTHER", title = "Terms", text = "Two." });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ["$.documentGroup:INVALID_VALUE", "$.documentId:INVALID_DOCUMENT_ID", "$.extra:UNKNOWN_FIELD", "$.locale:UNSUPPORTED_LOCALE", "$.text:CONTROL_CHARACTER", "$.title:FIELD_REQUIRED"],
            problem.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("path").GetString()}:{e.GetProperty("errorCode").GetString()}").Order(StringComparer.Ordinal));
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Conflict), (good.StatusCode, taken.StatusCode));
        Assert.Equal("DOCUMENT_EXISTS", (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
        var list = await business.GetFromJsonAsync<JsonElement>("/api/linx/documents");
        Assert.Equal(["terms"], list.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("documentId").GetString()));
    }

    [Fact]
    public async Task AnotherBusiness_SeesNoneOfTheDemoDocuments()
    {
        var (_, other) = await host.CreateBusinessAsync("Document Outsider");

        using var get = await other.GetAsync($"/api/linx/documents/{DemoDocuments.PrivacyPolicyId}");
        using var version = await other.GetAsync($"/api/linx/documents/{DemoDocuments.PrivacyPolicyId}/versions/1");
        using var put = await other.PutAsJsonAsync($"/api/linx/documents/{DemoDocuments.PrivacyPolicyId}", new { title = "Mine", text = "Mine now." });
        var demo = await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/documents/{DemoDocuments.PrivacyPolicyId}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (get.StatusCode, version.StatusCode, put.StatusCode));
        Assert.Equal("Privacy policy", demo.GetProperty("title").GetString());
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/linx/documents")).GetProperty("items").EnumerateArray());
    }
}
