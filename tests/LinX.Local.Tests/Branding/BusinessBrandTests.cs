using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LinX.Local.Tests.Admin;
using LinX.Testing;

namespace LinX.Local.Tests.Branding;

/// <summary>
/// Issue 17, item 1: the business sets its profile and logo through its own API; the Gateway view carries its brand
/// and the logo's URL, which LinX serves anonymously with headers that hold under the page's CSP. Real HTTP, real Azurite.
/// </summary>
[Collection(AdminHostTests.Name)]
public sealed class BusinessBrandTests(AdminHostFixture host)
{
    private readonly BrandScript _brand = new(host);

    [Fact]
    public async Task ProfileAndLogo_SetThroughTheBusinessApi_ReachTheGatewayViewAndTheLogoIsServed()
    {
        // Arrange
        var (businessId, client) = await _brand.NewBusinessAsync("Brand Owner Ltd");
        var image = TestImages.Png(64, 64);
        const string Title = "INTERNAL q3-churn-winback cohort 7F3A";

        // Act
        using var put = await BrandScript.PutProfileAsync(client, new
        {
            displayName = "Brand Owner",
            supportEmail = "help@example.com",
            supportPhone = "+14165550100",
            websiteUrl = "https://example.com",
            termsUrl = "https://example.com/terms",
            privacyUrl = "https://example.com/privacy",
            timeZone = "America/Toronto",
            accentColor = "#1a5fb4",
        });
        var logoUrl = await BrandScript.SetLogoAsync(client, image);
        var profile = await client.GetFromJsonAsync<JsonElement>(BrandScript.Profile);
        var viewText = await _brand.GatewayViewTextAsync(client, Title);
        using var logo = await host.Anonymous.GetAsync(logoUrl);

        // Assert: the profile as stored, with the logo's URL named by its hash.
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal($"/linx/brand/{businessId}/logo/{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(image))}", logoUrl);
        Assert.Equal("#1A5FB4", profile.GetProperty("accentColor").GetString());
        Assert.Equal(logoUrl, profile.GetProperty("logoUrl").GetString());
        Assert.Equal("en", profile.GetProperty("defaultLocale").GetString());

        // The customer's view: the brand, the default heading, and never the internal title.
        var view = JsonDocument.Parse(viewText).RootElement;
        var brand = view.GetProperty("brand");
        Assert.Equal(
            ["displayName", "logoUrl", "accentColor", "supportEmail", "supportPhone", "websiteUrl", "termsUrl", "privacyUrl", "timeZone"],
            brand.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Brand Owner", brand.GetProperty("displayName").GetString());
        Assert.Equal(logoUrl, brand.GetProperty("logoUrl").GetString());
        Assert.Equal("#1A5FB4", brand.GetProperty("accentColor").GetString());
        Assert.Equal("help@example.com", brand.GetProperty("supportEmail").GetString());
        Assert.Equal("https://example.com/privacy", brand.GetProperty("privacyUrl").GetString());
        Assert.Equal("America/Toronto", brand.GetProperty("timeZone").GetString());
        Assert.Equal("CREATE_PROFILE", view.GetProperty("headingKind").GetString());
        Assert.Equal("Brand Owner Ltd", view.GetProperty("businessName").GetString());
        Assert.False(view.TryGetProperty("title", out _));
        Assert.DoesNotContain("7F3A", viewText, StringComparison.OrdinalIgnoreCase);

        // The logo: its bytes, its type, and headers that let it be nothing but an image, cached for good.
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal(image, await logo.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(",", logo.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("default-src 'none'", string.Join(",", logo.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("public, max-age=31536000, immutable", logo.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Logo_Replaced_OldUrlIs404AndDeletedLogoIsGoneFromViewAndUrl()
    {
        // Arrange
        var (_, client) = await _brand.NewBusinessAsync("Logo Replacer");
        var first = await BrandScript.SetLogoAsync(client, TestImages.Png(32, 32));

        // Act
        var second = await BrandScript.SetLogoAsync(client, TestImages.WebPLossless(100, 50), "image/webp");
        using var oldLogo = await host.Anonymous.GetAsync(first);
        using var newLogo = await host.Anonymous.GetAsync(second);
        using var deleted = await client.DeleteAsync(BrandScript.Logo);
        using var afterDelete = await host.Anonymous.GetAsync(second);
        var profile = await client.GetFromJsonAsync<JsonElement>(BrandScript.Profile);
        var view = JsonDocument.Parse(await _brand.GatewayViewTextAsync(client, "Replaced logo")).RootElement;

        // Assert
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, oldLogo.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newLogo.StatusCode);
        Assert.Equal("image/webp", newLogo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.StatusCode);
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("logoUrl").ValueKind);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("brand").GetProperty("logoUrl").ValueKind);
    }

    public static TheoryData<string?, byte[], HttpStatusCode, string> BadLogos => new()
    {
        { "image/svg+xml", TestImages.Svg(), HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE" },
        { "text/plain", TestImages.Png(8, 8), HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE" },
        { null, TestImages.Png(8, 8), HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE" },
        { "image/png", TestImages.Png(8, 8, padTo: (64 * 1024) + 1), HttpStatusCode.RequestEntityTooLarge, "LOGO_TOO_LARGE" },
        { "image/png", TestImages.Svg(), HttpStatusCode.BadRequest, "LOGO_NOT_AN_IMAGE" },
        { "image/jpeg", TestImages.Png(8, 8), HttpStatusCode.BadRequest, "LOGO_NOT_AN_IMAGE" },
        { "image/png", TestImages.Png(2000, 10), HttpStatusCode.BadRequest, "LOGO_DIMENSIONS_TOO_LARGE" },
    };

    [Theory]
    [MemberData(nameof(BadLogos))]
    public async Task Logo_NotAnAllowedImage_IsRefusedWithItsCodeAndNothingStored(string? contentType, byte[] image, HttpStatusCode status, string code)
    {
        // Arrange
        var (_, client) = await _brand.NewBusinessAsync("Logo Refused");

        // Act
        using var response = await BrandScript.PutLogoAsync(client, image, contentType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var profile = await client.GetFromJsonAsync<JsonElement>(BrandScript.Profile);

        // Assert
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        IEnumerable<string?> fieldCodes = problem.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().Select(e => e.GetProperty("errorCode").GetString()) : [];
        Assert.Contains(code, fieldCodes.Prepend(problem.GetProperty("errorCode").GetString()));
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("logoUrl").ValueKind);
    }

    [Fact]
    public async Task Profile_BreaksTheRules_400ListsEveryProblemAndKeepsTheProfile()
    {
        // Arrange
        var (_, client) = await _brand.NewBusinessAsync("Rule Breaker");
        var before = await client.GetStringAsync(BrandScript.Profile);

        // Act
        using var response = await BrandScript.PutProfileAsync(client, new { displayName = "", supportEmail = "nope", accentColor = "#FFD700", timeZone = "Mars/Olympus" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("errorCode").GetString());
        Assert.Equal(["$.accentColor", "$.displayName", "$.supportEmail", "$.timeZone"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("COLOR_CONTRAST_TOO_LOW", errors["$.accentColor"]);
        Assert.Contains("white text", problem.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("path").GetString() == "$.accentColor").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await client.GetStringAsync(BrandScript.Profile));
    }

    [Fact]
    public async Task AnotherBusiness_SeesAndChangesOnlyItsOwnProfileAndLogo()
    {
        // Arrange
        var (ownerId, owner) = await _brand.NewBusinessAsync("Tenant Owner");
        var (otherId, other) = await _brand.NewBusinessAsync("Tenant Other");
        var ownerLogo = await BrandScript.SetLogoAsync(owner, TestImages.Jpeg(10, 10), "image/jpeg");

        // Act
        var seenByOther = await other.GetFromJsonAsync<JsonElement>(BrandScript.Profile);
        using var otherDeletes = await other.DeleteAsync(BrandScript.Logo);
        using var otherPuts = await BrandScript.PutProfileAsync(other, new { displayName = "Changed by other", supportEmail = "x@example.com" });
        var ownerAfter = await owner.GetFromJsonAsync<JsonElement>(BrandScript.Profile);
        using var ownerLogoAfter = await host.Anonymous.GetAsync(ownerLogo);
        using var underOtherId = await host.Anonymous.GetAsync(ownerLogo.Replace(ownerId, otherId, StringComparison.Ordinal));

        // Assert
        Assert.Equal("Tenant Other", seenByOther.GetProperty("displayName").GetString());
        Assert.Equal(JsonValueKind.Null, seenByOther.GetProperty("logoUrl").ValueKind);
        Assert.Equal(HttpStatusCode.NoContent, otherDeletes.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherPuts.StatusCode);
        Assert.Equal("Tenant Owner", ownerAfter.GetProperty("displayName").GetString());
        Assert.Equal(ownerLogo, ownerAfter.GetProperty("logoUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, ownerLogoAfter.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, underOtherId.StatusCode);
    }

    [Theory]
    [InlineData("/linx/brand/not-a-uuid/logo/0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("/linx/brand/5d1a3f0e-7c2b-4e8a-9f61-2b7d4c9e0a15/logo/0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("/linx/brand/5d1a3f0e-7c2b-4e8a-9f61-2b7d4c9e0a15/logo/not-a-hash")]
    public async Task LogoUrl_UnknownBusinessOrHash_Is404Problem(string url)
    {
        using var response = await host.Anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ProfileRoutes_WithoutAKey_Are401()
    {
        using var get = await host.Anonymous.GetAsync(BrandScript.Profile);
        using var put = await BrandScript.PutLogoAsync(host.Anonymous, TestImages.Png(8, 8), "image/png");

        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
    }

    [Fact]
    public async Task AdminView_ShowsTheAccentColourAndTheLogoUrl()
    {
        // Arrange
        var (businessId, client) = await _brand.NewBusinessAsync("Admin Sees Brand");
        using var put = await BrandScript.PutProfileAsync(client, new { displayName = "Admin Sees", supportEmail = "help@example.com", accentColor = "#767676" });
        var logoUrl = await BrandScript.SetLogoAsync(client, TestImages.WebPExtended(200, 100), "image/webp");
        using var admin = host.NewAdminClient();

        // Act
        var business = await admin.GetFromJsonAsync<JsonElement>($"{AdminHostFixture.Businesses}/{businessId}");

        // Assert
        var profile = business.GetProperty("profile");
        Assert.Equal("#767676", profile.GetProperty("accentColor").GetString());
        Assert.Equal(logoUrl, profile.GetProperty("logoUrl").GetString());
    }

    [Fact]
    public async Task GatewayView_BusinessWithoutProfile_BrandIsItsNameInUtcWithTheRestNull()
    {
        // Arrange: a business stored without a profile (as those made before profiles existed).
        var (_, client) = await ((LocalHostFixture)host).CreateBusinessAsync("Plain Business Co");

        // Act
        var view = JsonDocument.Parse(await _brand.GatewayViewTextAsync(client, "Plain internal title", customerMemo: "Please create your profile")).RootElement;

        // Assert
        var brand = view.GetProperty("brand");
        Assert.Equal("Plain Business Co", brand.GetProperty("displayName").GetString());
        Assert.Equal("UTC", brand.GetProperty("timeZone").GetString());
        Assert.All(
            brand.EnumerateObject().Where(p => p.Name is not ("displayName" or "timeZone")),
            p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));
        Assert.Equal("Please create your profile", view.GetProperty("customerMemo").GetString());
        Assert.Equal("CREATE_PROFILE", view.GetProperty("headingKind").GetString());
    }

    [Fact]
    public async Task DemoBusiness_IsSeededWithAFullProfileAndALogoItServes()
    {
        // Act
        var profile = await host.Business.GetFromJsonAsync<JsonElement>(BrandScript.Profile);
        using var logo = await host.Anonymous.GetAsync(profile.GetProperty("logoUrl").GetString());

        // Assert
        Assert.Equal("America/Toronto", profile.GetProperty("timeZone").GetString());
        Assert.Equal("support@example.com", profile.GetProperty("supportEmail").GetString());
        Assert.StartsWith("https://example.com", profile.GetProperty("termsUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal("#1A5FB4", profile.GetProperty("accentColor").GetString());
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.InRange((await logo.Content.ReadAsByteArrayAsync()).Length, 1, 8 * 1024);
    }
}
