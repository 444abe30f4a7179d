using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LinX.Core.Admin;
using LinX.Core.Security;
using LinX.Local.Tests.Gateway;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Local.Tests.Admin;

/// <summary>
/// The real local host as <see cref="LocalHostFixture"/>, with an admin key configured by its hash (as in Azure) and an
/// <see cref="AdjustableClock"/>, so that a rotation's overlap can end without waiting for it.
/// </summary>
public sealed class AdminHostFixture : LocalHostFixture
{
    public const string Businesses = "/api/admin/businesses";

    public string AdminKey { get; } = "linx_admin_test_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public AdjustableClock Clock { get; } = new();

    /// <summary>A new client with the admin key.</summary>
    public HttpClient NewAdminClient() => NewClient(AdminKey);

    /// <summary>Onboards a business through the admin API; its view.</summary>
    public async Task<JsonElement> CreateBusinessAsync(string name, string? idempotencyKey = null)
    {
        using var admin = NewAdminClient();
        using var response = await PostAsync(admin, Businesses, BusinessJson(name), idempotencyKey);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Creates an API key for the business through the admin API; the answer (with the key, shown once).</summary>
    public async Task<JsonElement> CreateKeyAsync(string businessId, string name = "integration")
    {
        using var admin = NewAdminClient();
        using var response = await PostAsync(admin, $"{Businesses}/{businessId}/api-keys", JsonSerializer.Serialize(new { name }));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string BusinessJson(string name) => JsonSerializer.Serialize(new
    {
        name,
        country = "CA",
        allowedSmsCountries = new[] { "CA", "US" },
        profile = new
        {
            displayName = name,
            supportEmail = "support@example.com",
            supportPhone = "+14165550100",
            websiteUrl = "https://example.com",
            termsUrl = "https://example.com/terms",
            privacyUrl = "https://example.com/privacy",
            timeZone = "America/Toronto",
            defaultLocale = "fr-CA",
        },
    });

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? json, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    // Registered before LinX's own: this clock for every service, and the admin key's hash as LinX:Admin:ApiKeyHashes.
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.PostConfigure<AdminOptions>(options => options.ApiKeyHashes = Hashing.Sha256Hex(AdminKey));
    }
}

[CollectionDefinition(Name)]
public sealed class AdminHostTests : ICollectionFixture<AdminHostFixture>
{
    public const string Name = "AdminHost";
}
