using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LinX.Local.Tests.Gateway;

/// <summary>
/// The page for a keyboard and a screen reader (axe-core runs on every screenshotted state, see
/// <see cref="GatewayCustomer.ScreenshotAsync"/>), and the card form's rows aligned on a desktop.
/// </summary>
[Collection(GatewayTests.Name)]
public sealed class GatewayAccessibilityTests(GatewayHostFixture host, BrowserFixture browser)
{
    [Fact]
    public async Task Flow_ProfileCardAndAcceptWithTheKeyboardOnly_Completes()
    {
        // Arrange
        var scenario = await GatewayScenario.PostSeedAsync(host, 3);
        await using var customer = await GatewayCustomer.StartAsync(browser, "keyboard-only");
        var page = customer.Page;
        var keyboard = page.Keyboard;
        await page.GotoAsync(scenario.Link);
        await customer.ExpectPanelAsync("Create your profile");

        // Act: the profile, typed field by field; Enter submits.
        await customer.TabToAsync(customer.Field("First name"));
        await keyboard.TypeAsync("Jane");
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("Roe");
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("jane.roe@example.com");
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("04011990");
        await customer.TabToAsync(customer.Field("Country"));
        await keyboard.TypeAsync("Canada");
        await Expect(customer.Field("Country")).ToHaveValueAsync("CA");
        await customer.TabToAsync(customer.Field("Street address"));
        await keyboard.TypeAsync("1 Main Street");
        await customer.TabToAsync(customer.Field("City"));
        await keyboard.TypeAsync("Toronto");
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("Ontario");
        await Expect(customer.Field("State or province")).ToHaveValueAsync("ON");
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("M5V 2T6");
        await Expect(customer.Field("Date of birth")).ToHaveValueAsync("1990-04-01");
        await keyboard.PressAsync("Enter");

        // The card: focus is on the new heading; Tab reaches each field in reading order.
        await customer.ExpectPanelAsync("Add your debit card");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add your debit card" })).ToBeFocusedAsync();
        await customer.TabToAsync(customer.Field("Card number"));
        await keyboard.TypeAsync("4111111111111111");
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("0831");
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("123");
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("Jane Roe");
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("M5V 2T6");
        await keyboard.PressAsync("Enter");

        // The payment: Tab to the button, Enter.
        await customer.ExpectPanelAsync("Review and accept");
        await customer.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Accept payment" }));
        await keyboard.PressAsync("Enter");

        // Assert
        await customer.ExpectPanelAsync("All done");
        await customer.ScreenshotAsync("done");
        await scenario.WaitForStatusAsync(host, "COMPLETED");
    }

    [Fact]
    public async Task Profile_BadSubmit_EachInvalidFieldDescribedByItsErrorAndTheSummaryAnnounced()
    {
        // Arrange
        var scenario = await GatewayScenario.PostSeedAsync(host, 1);
        await using var customer = await GatewayCustomer.StartAsync(browser, "screen-reader-errors");
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
        await customer.ExpectPanelAsync("Create your profile");

        // Act
        await customer.FillAsync("Email", "not-an-email");
        await customer.ClickAsync("Create profile");
        await customer.ExpectFieldErrorAsync("Email", "Email is not a valid email address.");

        // Assert: every invalid control is described by its own error text, as a screen reader reads it.
        var invalid = customer.Panel.Locator("[aria-invalid=true]");
        Assert.True(await invalid.CountAsync() >= 5, "a blank profile has at least 5 invalid fields");
        foreach (var control in await invalid.AllAsync())
        {
            var error = await customer.Page.Locator($"#{await control.GetAttributeAsync("id")}-err").TextContentAsync();
            Assert.False(string.IsNullOrWhiteSpace(error));
            await Expect(control).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(error!) + "$"));
        }

        var summary = customer.Panel.GetByRole(AriaRole.Alert);
        await Expect(summary).ToHaveTextAsync($"Please correct the {await invalid.CountAsync()} fields marked below.");
        await customer.ScreenshotAsync("profile-errors");
    }

    [Fact]
    public async Task Axe_OnThePageWithAnImageWithoutAlt_FailsNamingTheRule()
    {
        // Arrange: the check itself, on the real page under its CSP, with one violation added.
        await using var customer = await GatewayCustomer.StartAsync(browser, "axe-self-check");
        await customer.Page.GotoAsync($"{host.BaseUrl}/linx/not-a-token");
        await customer.ExpectPanelAsync("This link is not valid");
        await BrowserFixture.ExpectAccessibleAsync(customer.Page, "invalid link");
        await customer.Page.EvaluateAsync("() => document.querySelector('main').append(document.createElement('img'))");

        // Act
        var failure = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => BrowserFixture.ExpectAccessibleAsync(customer.Page, "broken"));

        // Assert
        Assert.Contains("critical image-alt", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Card_OnADesktop_FieldsSideBySideAreAligned()
    {
        // Arrange
        var scenario = await GatewayScenario.PostSeedAsync(host, 2);
        await using var customer = await GatewayCustomer.StartAsync(browser, "card-aligned");
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
        await customer.ClickAsync("Yes, that's me");
        await customer.ExpectPanelAsync("Add your debit card");

        // Act
        await customer.Page.SetViewportSizeAsync(BrowserFixture.DesktopWidth, 860);

        // Assert: the inputs of a row start at the same height (the expiry's hint below it moves nothing).
        foreach (var (left, right) in new[] { ("Expiry date", "Security code"), ("Name on card", "Billing ZIP or postal code") })
        {
            var a = await customer.Field(left).BoundingBoxAsync();
            var b = await customer.Field(right).BoundingBoxAsync();
            Assert.True(a!.X < b!.X, $"'{right}' sits beside '{left}'");
            Assert.InRange(Math.Abs(a.Y - b.Y), 0, 0.5);
        }

        await Expect(customer.Field("Security code")).ToHaveAttributeAsync("autocomplete", "cc-csc");
        await Expect(customer.Field("Billing ZIP or postal code")).ToHaveAttributeAsync("autocomplete", "postal-code");
        await customer.ScreenshotAsync("card");
    }
}
