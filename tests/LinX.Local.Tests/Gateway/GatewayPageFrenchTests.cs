using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LinX.Local.Tests.Gateway;

/// <summary>The page in French (Canada): chosen by the browser's language, or by the request's locale; branded.</summary>
[Collection(GatewayTests.Name)]
public sealed class GatewayPageFrenchTests(GatewayHostFixture host, BrowserFixture browser)
{
    private static readonly GatewayStrings Fr = GatewayStrings.French;

    [Fact]
    public async Task Page_BrowserInFrench_SeedThreeCompletedInFrenchWithNoEnglishShown()
    {
        // Arrange: profile, card and payment, followed from the SMS inbox by a browser whose language is fr-CA.
        var scenario = await GatewayScenario.PostSeedAsync(host, 3);
        await using var customer = await GatewayCustomer.StartAsync(browser, "french-seed-3", "fr-CA");

        // Act and assert, step by step.
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
        await customer.ExpectPanelAsync(Fr["profile.title"]);
        await Expect(customer.Page.Locator("html")).ToHaveAttributeAsync("lang", "fr-CA");
        await Expect(customer.Page.Locator("#progress-label")).ToContainTextAsync("Étape 1 sur 3");
        await ExpectNoEnglishAsync(customer.Page, "profile");
        await customer.ScreenshotAsync("profile");
        await customer.ClickAsync(Fr["profile.submit"]);
        await customer.ExpectFieldErrorAsync(Fr["profile.firstName"], Fr.Format("errors.FIELD_REQUIRED", ("field", Fr["profile.firstName"])));
        await Expect(customer.Panel.Locator(".banner")).ToContainTextAsync("champs indiqués ci-dessous");
        await ExpectNoEnglishAsync(customer.Page, "profile errors");
        await customer.ScreenshotAsync("profile-errors");

        await customer.FillAsync(Fr["profile.firstName"], "Zoë");
        await customer.FillAsync(Fr["profile.lastName"], "Tremblay");
        await customer.FillAsync(Fr["profile.email"], "zoe.tremblay@example.com");
        await customer.FillAsync(Fr["profile.dateOfBirth"], "1990-04-01");
        await customer.SelectAsync(Fr["profile.country"], "CA");
        await customer.FillAsync(Fr["profile.street"], "1 rue Principale");
        await customer.FillAsync(Fr["profile.city"], "Montréal");
        await Expect(customer.Field(Fr["profile.region"]).Locator("option[value=QC]")).ToHaveTextAsync("Québec");
        await customer.SelectAsync(Fr["profile.region"], "QC");
        await customer.FillAsync(Fr["profile.postalCode"], "H2X 1Y4");
        await customer.ScreenshotAsync("profile-filled");
        await customer.ClickAsync(Fr["profile.submit"]);

        await customer.ExpectPanelAsync(Fr["card.title.DEBIT"]);
        await ExpectNoEnglishAsync(customer.Page, "card");
        await customer.FillAsync(Fr["card.number"], "4111111111111111");
        await customer.FillAsync(Fr["card.expiry"], "08/31");
        await customer.FillAsync(Fr["card.cvc"], "123");
        await customer.FillAsync(Fr["card.name"], "Zoë Tremblay");
        await customer.FillAsync(Fr["card.postalCode"], "H2X 1Y4");
        await customer.ScreenshotAsync("card-filled");
        await customer.ClickAsync(Fr["card.submit"]);

        await customer.ExpectPanelAsync(Fr["money.title"]);
        await Expect(customer.Panel.Locator(".amount")).ToContainTextAsync("256,25");
        await Expect(customer.Panel).ToContainTextAsync(Fr["solution.push-to-card"]);
        await Expect(customer.Panel).ToContainTextAsync("carte de débit Visa se terminant par 1111");
        await ExpectNoEnglishAsync(customer.Page, "review", except: "#consent-text");
        await customer.ScreenshotAsync("review");
        await customer.ClickAsync(Fr["money.acceptSend"]);

        await customer.ExpectPanelAsync(Fr["state.COMPLETED.title"]);
        await GatewayPageMoneyTests.ExpectFullNameAsync(host, customer, scenario, "Zoë Tremblay");
        await ExpectNoEnglishAsync(customer.Page, "done");
        await customer.ScreenshotAsync("done");
        await scenario.WaitForStatusAsync(host, "COMPLETED");
    }

    [Fact]
    public async Task Page_RequestInFrenchWithBrand_ShowsBrandLogoLinksAndFrenchHeadingInAnEnglishBrowser()
    {
        // Arrange: the view contract's locale and brand, added to this server's real answer (an English browser).
        var scenario = await GatewayScenario.PostSeedAsync(host, 1);
        await using var customer = await GatewayCustomer.StartAsync(browser, "french-branded");
        await customer.Page.RouteAsync("**/linx/brand-test/logo.png", route => route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = Png }));
        await customer.EditViewAsync(scenario.Token, view =>
        {
            view["locale"] = "fr-CA";
            view["headingKind"] = "CREATE_PROFILE";
            view["brand"] = new JsonObject
            {
                ["displayName"] = "Boulangerie Tremblay",
                ["logoUrl"] = "/linx/brand-test/logo.png",
                ["accentColor"] = "#0B6E4F",
                ["supportEmail"] = "aide@boulangerie.example",
                ["supportPhone"] = "+1 514 555 0100",
                ["websiteUrl"] = "http://boulangerie.example",
                ["termsUrl"] = "https://boulangerie.example/conditions",
                ["privacyUrl"] = "https://boulangerie.example/confidentialite",
                ["timeZone"] = "America/Toronto",
            };
        });

        // Act
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
        await customer.ExpectPanelAsync(Fr["profile.title"]);

        // Assert
        var page = customer.Page;
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr-CA");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Fr["heading.CREATE_PROFILE"]);
        await Expect(page.Locator("#business-name")).ToHaveTextAsync("Boulangerie Tremblay");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Boulangerie Tremblay" })).ToBeVisibleAsync();
        Assert.Equal("#0B6E4F", (await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).getPropertyValue('--accent')")).Trim());
        var links = page.Locator("#brand-links a");
        await Expect(links).ToHaveCountAsync(4); // the http website is not linked
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = Fr["footer.terms"] })).ToHaveAttributeAsync("href", "https://boulangerie.example/conditions");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = Fr["footer.privacy"] })).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Courriel : aide@boulangerie.example" })).ToHaveAttributeAsync("href", "mailto:aide@boulangerie.example");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Téléphone : +1 514 555 0100" })).ToHaveAttributeAsync("href", "tel:+15145550100");
        await Expect(page.Locator("#expiry")).ToContainTextAsync("Ce lien expire le");
        var expireAt = (await scenario.GatewayViewAsync(host)).GetProperty("expireAt").GetDateTimeOffset();
        var toronto = TimeZoneInfo.ConvertTime(expireAt, TimeZoneInfo.FindSystemTimeZoneById("America/Toronto"));
        await Expect(page.Locator("#expiry")).ToContainTextAsync(new Regex($@"\b0?{toronto.Hour} h {toronto:mm}")); // the business's time, not the browser's UTC
        await Expect(customer.Panel.Locator("#why-address")).ToHaveTextAsync(Fr["profile.whyAddress"]);
        await ExpectNoEnglishAsync(page, "branded profile");
        await customer.ScreenshotAsync("branded-profile");
    }

    [Fact]
    public async Task Passcode_WrongInFrench_SaysHowManyTriesAreLeftInFrench()
    {
        // Arrange
        var scenario = await GatewayScenario.PostSeedAsync(host, 1, body => body["passcode"] = true);
        var wrong = scenario.Passcode == "000000" ? "111111" : "000000";
        await using var customer = await GatewayCustomer.StartAsync(browser, "french-passcode", "fr-CA");
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
        await customer.ExpectPanelAsync(Fr["passcode.title"]);

        // Act
        await customer.FillAsync(Fr["passcode.label"], wrong);
        await customer.ClickAsync(Fr["passcode.submit"]);

        // Assert
        await customer.ExpectFieldErrorAsync(Fr["passcode.label"], Fr.Format("errors.PASSCODE_WRONG.other", ("count", "4")));
        await ExpectNoEnglishAsync(customer.Page, "passcode wrong");
        await customer.ScreenshotAsync("passcode-wrong");
    }

    // A 2×2 PNG: the logo a business uploaded, as LinX would serve it from its own origin.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGPgzvMHIgYIBQAU3gMhyntjnAAAAABJRU5ErkJggg==");

    /// <summary>No sentence of the English strings file (other than those French shares) is on the page.</summary>
    private static async Task ExpectNoEnglishAsync(IPage page, string state, string? except = null)
    {
        var text = await page.EvaluateAsync<string>(
            "(except) => { const clone = document.body.cloneNode(true); if (except) clone.querySelectorAll(except).forEach((e) => e.remove()); " +
            "return [clone.innerText, ...[...document.querySelectorAll('[aria-label],[placeholder]')].map((e) => e.getAttribute('aria-label') || e.getAttribute('placeholder'))].join('\\n'); }",
            except);
        var english = GatewayStrings.English.All
            .Where(e => Fr.All[e.Key] != e.Value && !e.Key.StartsWith("regions.", StringComparison.Ordinal))
            .SelectMany(e => e.Value.Split('{', '}').Where((_, i) => i % 2 == 0))
            .Where(part => part.Trim().Length >= 8)
            .Select(part => part.Trim());
        Assert.All(english, part => Assert.False(
            Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(part)}(?!\w)"), $"'{part}' is English, on the French '{state}' page."));
    }
}
