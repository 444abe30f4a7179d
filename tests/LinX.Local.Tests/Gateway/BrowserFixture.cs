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

    /// <summary>A new context and page at phone size, English, UTC, reduced motion (a still spinner in screenshots).</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = MobileWidth, Height = 780 },
            Locale = "en-US",
            TimezoneId = "UTC",
            ReducedMotion = ReducedMotion.Reduce,
            DeviceScaleFactor = 1,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)CustomerScript.Deadline.TotalMilliseconds);
        return page;
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
