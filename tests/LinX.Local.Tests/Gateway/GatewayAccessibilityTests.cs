using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LinX.Local.Tests.Gateway;

/// <summary>
/// The page for a keyboard (the screen reader's view of errors is in <see cref="GatewayPageStateTests"/>; axe-core
/// runs on every screenshotted state, see <see cref="GatewayCustomer.ScreenshotAsync"/>), and the card's rows aligned.
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
