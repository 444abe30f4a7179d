using System.Security.Cryptography;
using LinX.Functions.Functions.Http;
using LinX.Testing;
using Microsoft.AspNetCore.Http;

namespace LinX.Functions.Tests.Functions.Http;

/// <summary>The business profile and logo functions, and the anonymous logo function; each test has a business of its own.</summary>
[Collection(FunctionsHostTests.Name)]
public sealed class BusinessProfileFunctionsTests(FunctionsHostFixture host)
{
    private const string Profile = "/api/linx/business/profile";

    [Fact]
    public async Task SetLogoAsync_Png_ServedByBrandLogoWithItsBytesAndHeaders()
    {
        // Arrange
        var (_, key) = await host.CreateBusinessAsync("Functions logo");
        var image = TestImages.Png(40, 20);

        // Act
        await using var invocation = host.NewInvocation();
        var set = await FunctionInvocation.RunAsync(LogoRequest(invocation, key, image, "image/png"), BusinessProfileFunctions.SetLogoAsync);
        var logoUrl = set.Json.GetProperty("logoUrl").GetString()!;
        var segments = logoUrl.Split('/');
        var logoRequest = invocation.Request("GET", logoUrl);
        var logo = await FunctionInvocation.RunAsync(logoRequest, r => BusinessProfileFunctions.LogoAsync(r, segments[3], segments[5]));

        // Assert
        Assert.Equal(200, set.Status);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(image)), segments[5]);
        Assert.Equal(200, logo.Status);
        Assert.Equal("image/png", logo.ContentType);
        Assert.Equal(image, ((MemoryStream)logoRequest.HttpContext.Response.Body).ToArray());
        Assert.Equal("nosniff", logo.Headers.XContentTypeOptions.ToString());
        Assert.Equal("default-src 'none'", logo.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("public, max-age=31536000, immutable", logo.Headers.CacheControl.ToString());
    }

    [Theory]
    [InlineData("image/svg+xml", 415, "UNSUPPORTED_MEDIA_TYPE")]
    [InlineData("image/png", 413, "LOGO_TOO_LARGE")]
    [InlineData("image/webp", 400, "VALIDATION_FAILED")]
    public async Task SetLogoAsync_NotAnAllowedLogo_IsItsProblem(string contentType, int status, string code)
    {
        var (_, key) = await host.CreateBusinessAsync("Functions bad logo");
        await using var invocation = host.NewInvocation();
        var image = status == 413 ? TestImages.Png(8, 8, padTo: (64 * 1024) + 1) : TestImages.Svg();

        var response = await FunctionInvocation.RunAsync(LogoRequest(invocation, key, image, contentType), BusinessProfileFunctions.SetLogoAsync);

        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.ErrorCode);
    }

    [Fact]
    public async Task UpdateThenGetThenDeleteLogo_AreTheBusinessesOwnProfile()
    {
        // Arrange
        var (businessId, key) = await host.CreateBusinessAsync("Functions profile");
        await using var invocation = host.NewInvocation();
        await FunctionInvocation.RunAsync(LogoRequest(invocation, key, TestImages.Jpeg(10, 10), "image/jpeg"), BusinessProfileFunctions.SetLogoAsync);

        // Act
        var put = await FunctionInvocation.RunAsync(
            invocation.Request("PUT", Profile, """{ "displayName": "Fn Brand", "supportEmail": "help@example.com", "accentColor": "#1A5FB4" }""", key),
            BusinessProfileFunctions.UpdateAsync);
        var get = await FunctionInvocation.RunAsync(invocation.Request("GET", Profile, apiKey: key), BusinessProfileFunctions.GetAsync);
        var delete = await FunctionInvocation.RunAsync(invocation.Request("DELETE", Profile + "/logo", apiKey: key), BusinessProfileFunctions.DeleteLogoAsync);
        var sha = get.Json.GetProperty("logoUrl").GetString()!.Split('/')[5];
        var logo = await FunctionInvocation.RunAsync(
            invocation.Request("GET", $"/linx/brand/{businessId}/logo/{sha}"), r => BusinessProfileFunctions.LogoAsync(r, businessId.ToString(), sha));

        // Assert
        Assert.Equal(200, put.Status);
        Assert.Equal("Fn Brand", get.Json.GetProperty("displayName").GetString());
        Assert.Equal("#1A5FB4", get.Json.GetProperty("accentColor").GetString());
        Assert.Equal(204, delete.Status);
        Assert.Equal(404, logo.Status);
    }

    [Fact]
    public async Task GetAsync_WrongApiKey_Is401()
    {
        await using var invocation = host.NewInvocation();

        var response = await FunctionInvocation.RunAsync(invocation.Request("GET", Profile, apiKey: "linx_wrong"), BusinessProfileFunctions.GetAsync);

        Assert.Equal(401, response.Status);
    }

    private static HttpRequest LogoRequest(FunctionInvocation invocation, string key, byte[] image, string contentType)
    {
        var request = invocation.Request("PUT", Profile + "/logo", apiKey: key);
        request.Body = new MemoryStream(image);
        request.ContentLength = image.Length;
        request.ContentType = contentType;
        return request;
    }
}
