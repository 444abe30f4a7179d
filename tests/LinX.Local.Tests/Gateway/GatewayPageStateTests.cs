using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LinX.Local.Tests.Gateway;

/// <summary>The page's other paths in a real browser: passcode, decline, field errors, expiry, cancel, bad links.</summary>
[Collection(GatewayTests.Name)]
public sealed class GatewayPageStateTests(GatewayHostFixture host, BrowserFixture browser)
{
    [Fact]
    public async Task Decline_AfterPasscodeUsingOnlyTheKeyboard_IsDeclinedWithTheReason()
    {
        // Arrange
        var scenario = await GatewayScenario.PostSeedAsync(host, 2, body => body["passcode"] = true);
        await using var customer = await GatewayCustomer.StartAsync(browser, "decline");
        var page = customer.Page;
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
        await customer.ExpectPanelAsync("Enter your passcode");
        await Expect(page.Locator("#decline-row")).ToBeHiddenAsync();
        await customer.ScreenshotAsync("passcode");

        // Act: type the passcode and press Enter; then Tab to "I don't want to continue" and decline by keyboard.
        await customer.Field("Passcode").FocusAsync();
        await page.Keyboard.TypeAsync(scenario.Passcode!);
        await page.Keyboard.PressAsync("Enter");
        await customer.ExpectPanelAsync("Is this you?");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Is this you?" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Yes, that's me" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "I don't want to continue" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Decline this request" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByLabel("I don't know this business")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(dialog.GetByLabel("The information is incorrect")).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("That is not my name.");
        await customer.ScreenshotAsync("decline-dialog");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Decline request" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        // Assert
        await customer.ExpectPanelAsync("Request declined");
        await customer.ScreenshotAsync("declined");
        var workflow = await scenario.WaitForStatusAsync(host, "DECLINED");
        Assert.Equal("INCORRECT_INFORMATION", workflow.GetProperty("declineReason").GetString());
        Assert.Equal("That is not my name.", workflow.GetProperty("declineComment").GetString());
    }

    [Fact]
    public async Task Passcode_WrongThenWrongFiveTimes_ShowsTheErrorThenLocksTheLink()
    {
        // Arrange
        var scenario = await GatewayScenario.PostSeedAsync(host, 1, body => body["passcode"] = true);
        var wrong = scenario.Passcode == "000000" ? "111111" : "000000";
        await using var customer = await GatewayCustomer.StartAsync(browser, "passcode-lock");
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
        await customer.ExpectPanelAsync("Enter your passcode");

        // Act: one wrong passcode shows the server's error next to the field.
        await customer.FillAsync("Passcode", wrong);
        await customer.ClickAsync("Continue");
        await customer.ExpectFieldErrorAsync("Passcode", "The passcode is wrong; 4 tries left.");
        await Expect(customer.Field("Passcode")).ToBeFocusedAsync();
        await customer.ScreenshotAsync("passcode-wrong");
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            await customer.FillAsync("Passcode", wrong);
            await customer.ClickAsync("Continue");
            if (attempt < 5)
            {
                await Expect(customer.Page.Locator("#f-passcode-err")).ToHaveTextAsync(attempt == 4 ? "The passcode is wrong; 1 try left." : $"The passcode is wrong; {5 - attempt} tries left.");
            }
        }

        // Assert: locked, on the page and for the right passcode too.
        await customer.ExpectPanelAsync("This link is locked");
        await customer.ScreenshotAsync("locked");
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var right = await client.PostAsJsonAsync($"/api/gateway/{scenario.Token}/passcode", new { passcode = scenario.Passcode });
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
        await customer.Page.ReloadAsync();
        await customer.ExpectPanelAsync("This link is locked");
    }

    [Fact]
    public async Task Card_BadChecksum_ShowsTheFieldErrorAndTheWorkflowKeepsWaiting()
    {
        // Arrange
        var scenario = await GatewayScenario.PostSeedAsync(host, 2);
        await using var customer = await GatewayCustomer.StartAsync(browser, "card-bad-checksum");
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
        await customer.ExpectPanelAsync("Is this you?");
        await customer.ClickAsync("Yes, that's me");
        await customer.ExpectPanelAsync("Add your debit card");

        // Act: the Luhn check flags the number as it is typed; submitted anyway, the server rejects it.
        await customer.Field("Card number").PressSequentiallyAsync("4111111111111112");
        await customer.ExpectFieldErrorAsync("Card number", "This card number isn't valid. Check the digits.");
        await customer.ScreenshotAsync("card-luhn-as-typed");
        await customer.FillAsync("Expiry date", "08/31");
        await customer.FillAsync("Security code", "123");
        await customer.FillAsync("Name on card", "Jane Roe");
        await customer.FillAsync("Billing ZIP or postal code", "M5V 2T6");
        await customer.ClickAsync("Add card");

        // Assert: the server's field error next to the field; the workflow still waits on the card step.
        await customer.ExpectFieldErrorAsync("Card number", "The card number is not valid.");
        await customer.ScreenshotAsync("card-server-error");
        var view = await scenario.GatewayViewAsync(host);
        Assert.Equal("ACTIVE", view.GetProperty("status").GetString());
        var current = view.GetProperty("steps")[view.GetProperty("currentStep").GetInt32()];
        Assert.Equal(("financial-account", "ACTIVE"), (current.GetProperty("name").GetString(), current.GetProperty("status").GetString()));
        Assert.Equal("ACTIVE", (await ReadWorkflowAsync(scenario)).GetProperty("status").GetString());

        // And the customer can still fix it.
        await customer.FillAsync("Card number", "4111111111111111");
        await customer.ClickAsync("Add card");
        await customer.ExpectPanelAsync("All done");
        await scenario.WaitForStatusAsync(host, "COMPLETED");
    }

    [Fact]
    public async Task Profile_SubmittedEmpty_ShowsEachServerErrorNextToItsFieldAsItsDescription()
    {
        // Arrange
        var scenario = await GatewayScenario.PostSeedAsync(host, 1);
        await using var customer = await GatewayCustomer.StartAsync(browser, "profile-errors");
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
        await customer.ExpectPanelAsync("Create your profile");

        // Act
        await customer.FillAsync("Email", "not-an-email");
        await customer.ClickAsync("Create profile");

        // Assert
        await customer.ExpectFieldErrorAsync("First name", "First name is required.");
        await customer.ExpectFieldErrorAsync("Email", "Email is not a valid email address.");
        await customer.ExpectFieldErrorAsync("Country", "Country is required.");
        await Expect(customer.Field("First name")).ToBeFocusedAsync();

        // As a screen reader hears it: every invalid control is described by its own error; the summary is an alert.
        var invalid = customer.Panel.Locator("[aria-invalid=true]");
        Assert.True(await invalid.CountAsync() >= 5, "a blank profile has at least 5 invalid fields");
        foreach (var control in await invalid.AllAsync())
        {
            var error = await customer.Page.Locator($"#{await control.GetAttributeAsync("id")}-err").TextContentAsync();
            Assert.False(string.IsNullOrWhiteSpace(error));
            await Expect(control).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(error!) + "$"));
        }

        await Expect(customer.Panel.GetByRole(AriaRole.Alert)).ToHaveTextAsync($"Please correct the {await invalid.CountAsync()} fields marked below.");
        await customer.ScreenshotAsync("profile-errors");
        Assert.Equal("ACTIVE", (await ReadWorkflowAsync(scenario)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Link_AfterItsExpiry_RefusesTheSubmissionAndStaysExpired()
    {
        // Arrange: the shortest expiry a business may ask for; the customer opens the link and starts the form.
        var scenario = await GatewayScenario.PostSeedAsync(host, 1, body =>
        {
            body.Remove("expireIn");
            body["expireInHours"] = 1;
        });
        await using var customer = await GatewayCustomer.StartAsync(browser, "expired");
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
        await customer.ExpectPanelAsync("Create your profile");
        await customer.FillProfileAsync();

        try
        {
            // Act: the host's clock passes the expiry while the page is open; the customer then submits.
            host.Clock.Advance(TimeSpan.FromMinutes(61));
            await customer.ClickAsync("Create profile");

            // Assert: the server refuses the submission (409) and the page shows the expired state.
            await customer.ExpectPanelAsync("This link has expired");
            await Expect(customer.Page.Locator("#decline-row")).ToBeHiddenAsync();
            await customer.ScreenshotAsync("expired");

            // The orchestration itself runs on the engine's clock, not the host's: its expiry (timer, EXPIRED, the
            // EXPIRY SMS) is covered on the engine by the replay tests (LinX.Core.Tests). Here: the page stays expired.
            await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
            await customer.ExpectPanelAsync("This link has expired");
        }
        finally
        {
            host.Clock.Reset();
        }
    }

    [Fact]
    public async Task Link_CancelledByTheBusinessWhileOpen_ShowsCancelled()
    {
        // Arrange
        var scenario = await GatewayScenario.PostSeedAsync(host, 4);
        await using var customer = await GatewayCustomer.StartAsync(browser, "cancelled");
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
        await customer.ExpectPanelAsync("Is this you?");

        // Act
        var cancel = await host.Business.PostAsync($"/api/linx/workflows/{scenario.WorkflowId}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        await scenario.WaitForStatusAsync(host, "CANCELLED");
        await customer.ClickAsync("Yes, that's me");

        // Assert
        await customer.ExpectPanelAsync("Request cancelled");
        await Expect(customer.Page.Locator("#decline-row")).ToBeHiddenAsync();
        await customer.ScreenshotAsync("cancelled");
    }

    [Fact]
    public async Task Link_Unknown_ShowsNotValid()
    {
        // Arrange
        await using var customer = await GatewayCustomer.StartAsync(browser, "invalid-link");

        // Act
        var response = await customer.Page.GotoAsync($"{host.BaseUrl}/linx/{Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_')}");

        // Assert
        Assert.Equal(200, response!.Status);
        Assert.Contains("frame-ancestors 'none'", await response.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        await customer.ExpectPanelAsync("This link is not valid");
        await customer.ScreenshotAsync("invalid-link");
    }

    private async Task<JsonElement> ReadWorkflowAsync(GatewayScenario scenario) =>
        await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{scenario.WorkflowId}");
}
