using LinX.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LinX.Local.Tests.Conventions;

/// <summary>
/// Where the host listens and what its links say, from ASP.NET Core's own settings (here in configuration, as
/// <c>ASPNETCORE_URLS</c>, <c>--urls</c> and <c>Urls</c> all end up), on a host that is built, not started.
/// </summary>
public sealed class LocalUrlsTests
{
    [Theory]
    [InlineData(null, null, null, LocalUrls.Default, LocalUrls.Default)]
    [InlineData("http://127.0.0.1:5123", null, null, "http://127.0.0.1:5123", "http://127.0.0.1:5123")]
    [InlineData("https://localhost:5443;http://*:5123", null, null, "https://localhost:5443;http://*:5123", "http://localhost:5123")]
    [InlineData("http://[::]:5123", "8080", null, "http://[::]:5123", "http://localhost:5123")]
    [InlineData(null, "8080", null, null, "http://localhost:8080")]
    [InlineData("http://0.0.0.0:5123", null, "https://links.example.test", "http://0.0.0.0:5123", "https://links.example.test")]
    public async Task Create_AddressSettings_ListensAsGivenAndLinksToTheFirstHttpAddress(
        string? urls, string? httpPorts, string? publicBaseUrl, string? expectedUrls, string expectedPublicBaseUrl)
    {
        // Arrange
        var settings = new Dictionary<string, string?> { ["urls"] = urls, ["http_ports"] = httpPorts, ["LinX:PublicBaseUrl"] = publicBaseUrl };

        // Act
        await using var app = LinxLocalApplication.Create([], builder => builder.Configuration.AddInMemoryCollection(settings.Where(s => s.Value is not null)));

        // Assert
        Assert.Equal(expectedUrls, app.Configuration["urls"]);
        Assert.Equal(expectedPublicBaseUrl, app.Services.GetRequiredService<IOptions<LinXOptions>>().Value.PublicBaseUrl);
    }
}
