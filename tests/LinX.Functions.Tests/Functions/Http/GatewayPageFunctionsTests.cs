using LinX.Functions.Functions.Http;

namespace LinX.Functions.Tests.Functions.Http;

[Collection(FunctionsHostTests.Name)]
public sealed class GatewayPageFunctionsTests(FunctionsHostFixture host)
{
    [Fact]
    public async Task Page_AnyToken_IsTheHtmlPageThatLeaksNoReferrer()
    {
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("GET", "/linx/some-token");

        var response = await FunctionInvocation.ExecuteAsync(request, GatewayPageFunctions.Page(request));

        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/html", response.ContentType, StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers["Referrer-Policy"].ToString());
        Assert.Contains("<html", response.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("gateway.js", "text/javascript")]
    [InlineData("gateway.css", "text/css")]
    public async Task Asset_KnownFile_IsServedWithItsType(string file, string contentType)
    {
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("GET", $"/linx/assets/{file}");

        var response = await FunctionInvocation.ExecuteAsync(request, GatewayPageFunctions.Asset(request, file));

        Assert.Equal(200, response.Status);
        Assert.StartsWith(contentType, response.ContentType, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gateway.html")]
    [InlineData("../appsettings.json")]
    public async Task Asset_AnythingElse_Is404(string file)
    {
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("GET", $"/linx/assets/{file}");

        var response = await FunctionInvocation.ExecuteAsync(request, GatewayPageFunctions.Asset(request, file));

        Assert.Equal(404, response.Status);
    }
}
