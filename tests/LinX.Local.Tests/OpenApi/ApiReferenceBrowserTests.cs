using LinX.Local.Tests.Gateway;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LinX.Local.Tests.OpenApi;

/// <summary>The API reference renders the document in a real browser, offline, under its own Content-Security-Policy.</summary>
[Collection(LocalHostTests.Name)]
public sealed class ApiReferenceBrowserTests(LocalHostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Page_RendersTheOperations_WithoutAnyOtherOriginOrPolicyViolation()
    {
        // Arrange
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(BrowserFixture.DesktopWidth, 900);
        var elsewhere = new List<string>();
        var problems = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(host.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        // Act
        await page.GotoAsync(host.BaseUrl + ApiReferencePageTests.Route);

        // Assert
        await Expect(page.GetByText("Create a workflow").First).ToBeVisibleAsync();
        await Expect(page.GetByText("LinX API").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "api-reference.png") });
        Assert.True(elsewhere.Count == 0, "Requests to other origins: " + string.Join(", ", elsewhere));
        Assert.True(problems.Count == 0, "Console errors (a policy violation shows here): " + string.Join(" | ", problems));
        await page.Context.CloseAsync();
    }
}
