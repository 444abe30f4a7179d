using System.Text.Json.Nodes;
using LinX.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LinX.Local.Tests.Gateway;

/// <summary>
/// A customer in a real browser: opens the link from the dev SMS inbox and works through the Gateway page by its
/// labels and roles (so every control it uses has an accessible name). Takes a screenshot of each step at 360 px
/// and 1280 px into <c>artifacts/screenshots/{scenario}/</c> (git-ignored), checking the page never scrolls sideways.
/// </summary>
public sealed class GatewayCustomer : IAsyncDisposable
{
    private readonly string _screenshots;
    private readonly List<string> _scriptErrors = [];
    private int _shot;

    private GatewayCustomer(IPage page, string scenario)
    {
        Page = page;
        // Script errors and CSP violations; the browser's own lines for 4xx answers are expected (a wrong passcode).
        page.PageError += (_, error) => _scriptErrors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                _scriptErrors.Add(message.Text);
            }
        };
        _screenshots = Path.Combine(RepoPaths.Root, "artifacts", "screenshots", scenario);
        if (Directory.Exists(_screenshots))
        {
            Directory.Delete(_screenshots, recursive: true);
        }

        Directory.CreateDirectory(_screenshots);
    }

    public IPage Page { get; }

    /// <summary>The panel that holds the current step, waiting state or final state.</summary>
    public ILocator Panel => Page.Locator("#panel");

    /// <summary>A customer whose browser speaks <paramref name="locale"/> (English unless told).</summary>
    public static async Task<GatewayCustomer> StartAsync(BrowserFixture browser, string scenario, string locale = "en-US") =>
        new(await browser.NewPageAsync(locale), scenario);

    /// <summary>
    /// Opens <c>/dev/sms</c> and clicks the message's link, as a person running LinX locally would: the SMS goes out
    /// from an activity after the business's request, so the inbox is reloaded until it shows the message.
    /// </summary>
    public async Task OpenFromInboxAsync(string baseUrl, string link)
    {
        var anchor = Page.Locator($"a.gateway[href=\"{link}\"]").First;
        await Poll.UntilAsync(
            async () =>
            {
                await Page.GotoAsync(baseUrl + "/dev/sms");
                return await anchor.CountAsync() > 0;
            },
            CustomerScript.Deadline,
            "the SMS with the link in the dev inbox");
        await ScreenshotAsync("sms-inbox");
        await anchor.ClickAsync();

        // The page's own content is what the next step waits for; its load event (every image and script) can lag
        // far behind under a loaded machine and is not what a customer waits for.
        await Page.WaitForURLAsync(link, new() { WaitUntil = WaitUntilState.Commit });
    }

    /// <summary>Waits until the panel shows the heading (a step, a waiting or a final state).</summary>
    public async Task ExpectPanelAsync(string heading) =>
        await Expect(Panel.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();

    public ILocator Field(string label) => Panel.GetByLabel(label, new() { Exact = true });

    public Task FillAsync(string label, string value) => Field(label).FillAsync(value);

    public Task SelectAsync(string label, string value) => Field(label).SelectOptionAsync(value);

    public Task ClickAsync(string button) => Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    /// <summary>The error shown next to a field (its <c>aria-describedby</c> error slot).</summary>
    public async Task ExpectFieldErrorAsync(string label, string message)
    {
        var input = Field(label);
        await Expect(input).ToHaveAttributeAsync("aria-invalid", "true");
        var error = Page.Locator($"#{await input.GetAttributeAsync("id")}-err");
        await Expect(error).ToHaveTextAsync(message);
    }

    /// <summary>Fills Jane Roe's profile, finding the fields by their labels in <paramref name="words"/> (English unless told).</summary>
    public async Task FillProfileAsync(GatewayStrings? words = null)
    {
        var w = words ?? GatewayStrings.English;
        await FillAsync(w["profile.firstName"], "Jane");
        await FillAsync(w["profile.lastName"], "Roe");
        await FillAsync(w["profile.email"], "jane.roe@example.com");
        await FillAsync(w["profile.dateOfBirth"], "1990-04-01");
        await SelectAsync(w["profile.country"], "CA");
        await FillAsync(w["profile.street"], "1 Main Street");
        await FillAsync(w["profile.city"], "Toronto");
        await SelectAsync(w["profile.region"], "ON");
        await FillAsync(w["profile.postalCode"], "M5V 2T6");
    }

    /// <summary>Fills a card with a good expiry, security code and billing postal code, by the labels in <paramref name="words"/>.</summary>
    public async Task FillCardAsync(string number, GatewayStrings? words = null)
    {
        var w = words ?? GatewayStrings.English;
        await FillAsync(w["card.number"], number);
        await FillAsync(w["card.expiry"], "08/31");
        await FillAsync(w["card.cvc"], "123");
        await FillAsync(w["card.name"], "Jane Roe");
        await FillAsync(w["card.postalCode"], "M5V 2T6");
    }

    /// <summary>
    /// Runs <paramref name="whileHeld"/> while the page's reads of <c>GET /api/gateway/{token}</c> are held back (then
    /// sent on to the server unchanged), so that a short-lived state such as "Working on it…" can be looked at.
    /// </summary>
    public async Task HoldViewResponsesAsync(string token, Func<Task> whileHeld)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var url = ViewUrl(token);
        await Page.RouteAsync(url, async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        try
        {
            await whileHeld();
        }
        finally
        {
            release.TrySetResult();
            await Page.UnrouteAsync(url);
        }
    }

    /// <summary>
    /// From now on, the page's reads of <c>GET /api/gateway/{token}</c> get the server's real answer edited by
    /// <paramref name="edit"/> (a field of the view contract a test needs that this server does not send yet).
    /// </summary>
    public async Task EditViewAsync(string token, Action<JsonObject> edit)
    {
        await Page.RouteAsync(ViewUrl(token), async route =>
        {
            var response = await route.FetchAsync();
            var body = await response.TextAsync();
            if (response.Status != 200 || JsonNode.Parse(body) is not JsonObject view)
            {
                await route.FulfillAsync(new() { Response = response });
                return;
            }

            edit(view);
            await route.FulfillAsync(new() { Response = response, Body = view.ToJsonString() });
        });
    }

    /// <summary>The page's reads of its view (<c>GET /api/gateway/{token}?locale=…</c>), whatever the query.</summary>
    private static Func<string, bool> ViewUrl(string token) => url => new Uri(url).AbsolutePath == $"/api/gateway/{token}";

    /// <summary>Presses Tab until <paramref name="target"/> has the focus (at most 15 times), as a keyboard user does.</summary>
    public async Task TabToAsync(ILocator target)
    {
        for (var i = 0; i < 15; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {target}.");
    }

    /// <summary>
    /// Screenshots the page at 360 px and 1280 px, asserting no horizontal overflow at either width, no script
    /// error or content-security-policy violation so far, and (on the Gateway page) no serious or critical axe-core
    /// violation at either width: every state a test screenshots is also checked for accessibility.
    /// </summary>
    public async Task ScreenshotAsync(string name)
    {
        Assert.Empty(_scriptErrors);
        _shot++;
        foreach (var (width, height) in new[] { (BrowserFixture.MobileWidth, 780), (BrowserFixture.DesktopWidth, 860) })
        {
            await Page.SetViewportSizeAsync(width, height);
            var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"'{name}' is {scrollWidth} px wide in a {width} px viewport.");
            if (new Uri(Page.Url).AbsolutePath.StartsWith("/linx/", StringComparison.Ordinal))
            {
                await BrowserFixture.ExpectAccessibleAsync(Page, name);
            }

            await Page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(_screenshots, $"{_shot:00}-{name}-{width}.png"),
                FullPage = true,
                Animations = ScreenshotAnimations.Disabled,
            });
        }

        await Page.SetViewportSizeAsync(BrowserFixture.MobileWidth, 780);
    }

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
