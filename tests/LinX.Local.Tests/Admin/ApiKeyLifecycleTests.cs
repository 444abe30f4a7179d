using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LinX.Core.Security;

namespace LinX.Local.Tests.Admin;

/// <summary>A business's API keys through the admin API: listed without secrets, revoked, rotated, scoped to their business.</summary>
[Collection(AdminHostTests.Name)]
public sealed class ApiKeyLifecycleTests(AdminHostFixture host)
{
    private const string Businesses = AdminHostFixture.Businesses;

    [Fact]
    public async Task RevokeApiKey_TheKeyAnswers401AtOnce()
    {
        // Arrange
        var (businessId, key) = await BusinessWithKeyAsync("Revoked Inc");
        using var client = host.NewClient(Secret(key));
        using var admin = host.NewAdminClient();
        using var before = await client.GetAsync("/api/linx/workflows");

        // Act
        using var revoked = await AdminHostFixture.PostAsync(admin, $"{Businesses}/{businessId}/api-keys/{KeyId(key)}/revoke", null);
        using var after = await client.GetAsync("/api/linx/workflows");

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("REVOKED", (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await AdminApiTests.AssertUnauthorizedAsync(after);
    }

    [Fact]
    public async Task RotateApiKey_WithOverlap_BothWorkThenTheOldOneIs401AfterTheWindow()
    {
        // Arrange
        var (businessId, key) = await BusinessWithKeyAsync("Rotated Inc");
        using var admin = host.NewAdminClient();
        using var old = host.NewClient(Secret(key));

        // Act
        using var rotated = await AdminHostFixture.PostAsync(admin, $"{Businesses}/{businessId}/api-keys/{KeyId(key)}/rotate", """{ "overlapHours": 1 }""");
        var rotation = await rotated.Content.ReadFromJsonAsync<JsonElement>();
        using var renewed = host.NewClient(rotation.GetProperty("newKey").GetProperty("key").GetString());
        var during = (await StatusAsync(old), await StatusAsync(renewed));
        var listedDuring = await StatusesAsync(admin, businessId);
        host.Clock.Advance(TimeSpan.FromMinutes(61));
        var afterwards = (await StatusAsync(old), await StatusAsync(renewed));
        var listedAfter = await StatusesAsync(admin, businessId);

        // Assert
        Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
        Assert.Equal("EXPIRING", rotation.GetProperty("previousKey").GetProperty("status").GetString());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), during);
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), afterwards);
        Assert.Equal(["EXPIRING", "ACTIVE"], listedDuring);
        Assert.Equal(["EXPIRED", "ACTIVE"], listedAfter);
    }

    [Fact]
    public async Task ListApiKeys_AfterUse_ShowsPrefixAndLastUseButNeverTheKeyOrItsHash()
    {
        // Arrange
        var (businessId, key) = await BusinessWithKeyAsync("Listed Inc");
        var secret = Secret(key);
        using var client = host.NewClient(secret);
        using var admin = host.NewAdminClient();
        using var used = await client.GetAsync("/api/linx/payment-reasons");

        // Act
        using var response = await admin.GetAsync($"{Businesses}/{businessId}/api-keys");
        var text = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Hashing.Sha256Hex(secret), text, StringComparison.OrdinalIgnoreCase);
        var listed = Assert.Single(JsonDocument.Parse(text).RootElement.EnumerateArray());
        Assert.Equal(
            ["createdAt", "expiresAt", "keyId", "lastUsedAt", "name", "prefix", "revokedAt", "status"],
            listed.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(secret[..9], listed.GetProperty("prefix").GetString());
        Assert.Equal(key.GetProperty("prefix").GetString(), listed.GetProperty("prefix").GetString());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("lastUsedAt").ValueKind);
        Assert.Equal("ACTIVE", listed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ApiKeysOfBusinessA_UnderBusinessBsPaths_Are404AndUntouched()
    {
        // Arrange
        var (businessA, keyA) = await BusinessWithKeyAsync("Tenant A Inc");
        var (businessB, _) = await BusinessWithKeyAsync("Tenant B Inc");
        using var admin = host.NewAdminClient();
        using var clientA = host.NewClient(Secret(keyA));

        // Act
        using var revoke = await AdminHostFixture.PostAsync(admin, $"{Businesses}/{businessB}/api-keys/{KeyId(keyA)}/revoke", null);
        using var rotate = await AdminHostFixture.PostAsync(admin, $"{Businesses}/{businessB}/api-keys/{KeyId(keyA)}/rotate", null);
        var listedUnderB = await admin.GetFromJsonAsync<JsonElement>($"{Businesses}/{businessB}/api-keys");
        using var stillWorks = await clientA.GetAsync("/api/linx/workflows");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rotate.StatusCode);
        Assert.DoesNotContain(listedUnderB.EnumerateArray(), k => k.GetProperty("keyId").GetString() == KeyId(keyA));
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
        Assert.NotEqual(businessA, businessB);
    }

    [Fact]
    public async Task CreateApiKey_InvalidBodyOrUnknownBusiness_Is400Or404AndMakesNoKey()
    {
        var (businessId, _) = await BusinessWithKeyAsync("Strict Keys Inc");
        using var admin = host.NewAdminClient();

        using var invalid = await AdminHostFixture.PostAsync(admin, $"{Businesses}/{businessId}/api-keys", """{ "expiresInDays": 0, "scope": "all" }""");
        using var unknown = await AdminHostFixture.PostAsync(admin, $"{Businesses}/{Guid.NewGuid()}/api-keys", """{ "name": "x" }""");
        var listed = await admin.GetFromJsonAsync<JsonElement>($"{Businesses}/{businessId}/api-keys");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var codes = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("errorCode").GetString()).Order();
        Assert.Equal(["FIELD_REQUIRED", "UNKNOWN_FIELD", "VALUE_OUT_OF_RANGE"], codes);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Single(listed.EnumerateArray());
    }

    private async Task<(string BusinessId, JsonElement Key)> BusinessWithKeyAsync(string name)
    {
        var business = await host.CreateBusinessAsync(name);
        var id = business.GetProperty("businessId").GetString()!;
        return (id, await host.CreateKeyAsync(id));
    }

    private static string Secret(JsonElement key) => key.GetProperty("key").GetString()!;

    private static string KeyId(JsonElement key) => key.GetProperty("keyId").GetString()!;

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/linx/workflows");
        return response.StatusCode;
    }

    private static async Task<List<string?>> StatusesAsync(HttpClient admin, string businessId) =>
        [.. (await admin.GetFromJsonAsync<JsonElement>($"{Businesses}/{businessId}/api-keys")).EnumerateArray().Select(k => k.GetProperty("status").GetString())];
}
