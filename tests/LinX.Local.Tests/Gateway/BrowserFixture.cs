using LinX.Testing;
using Microsoft.Playwright;

namespace LinX.Local.Tests.Gateway;

/// <summary>
/// One headless Chromium for the whole browser test run: Debian's <c>/usr/bin/chromium</c>, driven by the Playwright
/// driver shipped in the NuGet package. Playwright never downloads a browser here. Each test opens its own context
/// (fresh cookies and storage) with <see cref="NewPageAsync"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where Debian installs Chromium (<c>.ci/run</c> installs it when missing).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The phone's width the page is designed for first; screenshots are also taken at <see cref="DesktopWidth"/>.</summary>
    public const int MobileWidth = 360;

    public const int DesktopWidth = 1280;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Assertions.SetDefaultExpectTimeout((float)CustomerScript.Deadline.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-quic",
            ],
        });
    }

    private static readonly Lazy<string> AxeScript = new(() =>
        "() => { " + File.ReadAllText(Path.Combine(RepoPaths.Root, "node_modules", "axe-core", "axe.min.js")) + "\n; return typeof window.axe; }");

    /// <summary>
    /// A new context and page at phone size, in the browser language <paramref name="locale"/> (English unless told),
    /// UTC, reduced motion (a still spinner in screenshots).
    /// </summary>
    public async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = MobileWidth, Height = 780 },
            Locale = locale,
            TimezoneId = "UTC",
            ReducedMotion = ReducedMotion.Reduce,
            DeviceScaleFactor = 1,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)CustomerScript.Deadline.TotalMilliseconds);
        return page;
    }

    /// <summary>
    /// Runs axe-core (pinned in package.json) on the page as it is and fails on any serious or critical violation,
    /// listing each. axe is evaluated through the DevTools protocol, not added as a page script, so the page keeps its
    /// strict content security policy (script-src 'self') while it is checked.
    /// </summary>
    public static async Task ExpectAccessibleAsync(IPage page, string state)
    {
        if (await page.EvaluateAsync<string>("() => typeof window.axe") != "object")
        {
            Assert.Equal("object", await page.EvaluateAsync<string>(AxeScript.Value));
        }

        var violations = await page.EvaluateAsync<string[]>(
            """
            async () => {
              const result = await window.axe.run(document, { resultTypes: ["violations"] });
              return result.violations
                .filter((v) => v.impact === "serious" || v.impact === "critical")
                .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
            }
            """);
        var width = page.ViewportSize?.Width;
        Assert.True(violations.Length == 0, $"axe-core, '{state}' at {width} px:\n{string.Join("\n", violations)}");
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
