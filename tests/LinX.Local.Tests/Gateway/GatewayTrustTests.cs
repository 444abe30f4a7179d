using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinX.Infrastructure.Payments;
using LinX.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LinX.Local.Tests.Gateway;

/// <summary>
/// Issue 17's "must show", end to end in headless Chromium against the real server (no edited views): a branded page in
/// French chosen by the request, a declined card payout recovered with a second card, a passcode lock the business sees
/// and lifts with a new passcode, and a number that replied STOP refused at create. Every screenshot also runs axe-core.
/// </summary>
[Collection(GatewayTests.Name)]
public sealed class GatewayTrustTests(GatewayHostFixture host, BrowserFixture browser)
{
    private static readonly GatewayStrings En = GatewayStrings.English;
    private static readonly GatewayStrings Fr = GatewayStrings.French;

    [Fact]
    public async Task RequestInFrench_EnglishBrowser_ShowsTheDemoBrandAndFrenchWordsThroughToTheEnd()
    {
        // Arrange: the business asks for French; the customer's browser speaks English.
        var scenario = await GatewayScenario.PostSeedAsync(host, 3, body => body["locale"] = "fr-CA");
        await using var customer = await GatewayCustomer.StartAsync(browser, "trust-french-request");
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);

        // Act and assert: the profile step, branded, in French.
        await customer.ExpectPanelAsync(Fr["profile.title"]);
        await Expect(customer.Page.Locator("html")).ToHaveAttributeAsync("lang", "fr-CA");
        await Expect(customer.Page.Locator("#business-name")).ToHaveTextAsync("LinX Demo Business");
        var logo = customer.Page.GetByRole(AriaRole.Img, new() { Name = "LinX Demo Business" });
        await Expect(logo).ToBeVisibleAsync();
        Assert.True(await logo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the logo LinX serves did not load");
        await Expect(customer.Page.GetByRole(AriaRole.Link, new() { Name = Fr["footer.terms"] })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^https://"));
        await customer.ScreenshotAsync("profile");
        await customer.FillProfileAsync(Fr);
        await customer.ClickAsync(Fr["profile.submit"]);
        await customer.ExpectPanelAsync(Fr["card.title.DEBIT"]);
        await customer.FillCardAsync("4111111111111111", Fr);
        await customer.ClickAsync(Fr["card.submit"]);
        await customer.ExpectPanelAsync(Fr["money.title"]);
        await Expect(customer.Panel.Locator("#consent-text")).ToContainTextAsync("256,25");
        await customer.ScreenshotAsync("review");
        await customer.ClickAsync(Fr["money.acceptSend"]);
        await customer.ExpectPanelAsync(Fr["state.COMPLETED.title"]);
        await Expect(customer.Panel).ToContainTextAsync("Jane Roe");
        await customer.ScreenshotAsync("done");

        // The words the customer accepted are the French ones the page showed.
        var workflow = await scenario.WaitForStatusAsync(host, "COMPLETED");
        var money = workflow.GetProperty("consents").EnumerateArray().Single(c => c.GetProperty("stepName").GetString() == "move-money");
        Assert.Equal("fr-CA", money.GetProperty("locale").GetString());
        Assert.StartsWith("J'accepte que LinX Demo Business", money.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardPayout_DeclinedByTheIssuer_RecoveredWithASecondCardAndTheBusinessSeesBothAttempts()
    {
        // Arrange: a rebate to a new card; the first card is the sandbox's "declined by the issuer".
        var scenario = await GatewayScenario.PostSeedAsync(host, 3);
        await using var customer = await GatewayCustomer.StartAsync(browser, "trust-recovery");
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
        await customer.ExpectPanelAsync("Create your profile");
        await customer.FillProfileAsync();
        await customer.ClickAsync("Create profile");
        await customer.ExpectPanelAsync("Add your debit card");
        await customer.FillCardAsync(SandboxTestValues.DeclinedCard);
        await customer.ClickAsync("Add card");
        await customer.ExpectPanelAsync("Review and accept");
        await customer.ClickAsync("Accept payment");

        // Act 1: the decline, in plain words, with the try about to be made.
        await customer.ExpectPanelAsync(En["recovery.titleCard"]);
        await Expect(customer.Panel.Locator("#recovery-reason")).ToHaveTextAsync(En["failure.CARD_DECLINED"]);
        await Expect(customer.Panel).ToContainTextAsync(En.Format("recovery.attempt", ("attempt", "2"), ("max", "3")));
        await customer.ScreenshotAsync("declined");

        // Act 2: a second card whose security code the sandbox does not match, then the right one.
        await customer.FillCardAsync("5555555555554444");
        await customer.FillAsync("Security code", SandboxTestValues.MismatchedCvc);
        await customer.ClickAsync(En["recovery.submitCard"]);
        await customer.ExpectFieldErrorAsync("Security code", En["errors.CVC_MISMATCH"]);
        await customer.ScreenshotAsync("second-card-cvc-mismatch");
        await customer.FillAsync("Security code", "123");
        await customer.ClickAsync(En["recovery.submitCard"]);

        // Assert: done on the page; the business sees the declined attempt and the settled one.
        await customer.ExpectPanelAsync(En["state.COMPLETED.title"]);
        await customer.ScreenshotAsync("recovered");
        var workflow = await scenario.WaitForStatusAsync(host, "COMPLETED");
        var attempts = workflow.GetProperty("paymentAttempts").EnumerateArray().ToList();
        Assert.Equal([(1, "DECLINED", "CARD_DECLINED"), (2, "SETTLED", null)], attempts.Select(a =>
            (a.GetProperty("attempt").GetInt32(), a.GetProperty("status").GetString(), a.TryGetProperty("reasonCode", out var c) ? c.GetString() : null)));
        Assert.NotEqual(attempts[0].GetProperty("financialAccountId").GetString(), attempts[1].GetProperty("financialAccountId").GetString());
        Assert.Equal(attempts[1].GetProperty("transactionId").GetString(), workflow.GetProperty("transactionId").GetString());
    }

    [Fact]
    public async Task PasscodeLock_TriesLeftShownLockSeenByTheBusinessAndLiftedWithANewPasscode()
    {
        // Arrange
        var scenario = await GatewayScenario.PostSeedAsync(host, 1, body => body["passcode"] = true);
        var wrong = scenario.Passcode == "000000" ? "111111" : "000000";
        await using var customer = await GatewayCustomer.StartAsync(browser, "trust-passcode-lock");
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
        await customer.ExpectPanelAsync(En["passcode.title"]);

        // Act 1: five wrong tries, each saying how many are left, then the lock.
        for (var left = 4; left >= 1; left--)
        {
            await customer.FillAsync(En["passcode.label"], wrong);
            await customer.ClickAsync(En["passcode.submit"]);
            await customer.ExpectFieldErrorAsync(En["passcode.label"], En.Format(left == 1 ? "errors.PASSCODE_WRONG.one" : "errors.PASSCODE_WRONG.other", ("count", left.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            if (left == 1)
            {
                await customer.ScreenshotAsync("one-try-left");
            }
        }

        await customer.FillAsync(En["passcode.label"], wrong);
        await customer.ClickAsync(En["passcode.submit"]);
        await customer.ExpectPanelAsync(En["state.locked.title"]);
        await customer.ScreenshotAsync("locked");

        // Assert 1: the business sees the lock and cannot text a dead link.
        var locked = await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{scenario.WorkflowId}");
        using var resend = await host.Business.PostAsync(new Uri($"/api/linx/workflows/{scenario.WorkflowId}/resend", UriKind.Relative), null);
        Assert.True(locked.GetProperty("locked").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, resend.StatusCode);

        // Act 2: the business asks for a new passcode and gives it to the customer, who reloads the page.
        using var renewed = await host.Business.PostAsync(new Uri($"/api/linx/workflows/{scenario.WorkflowId}/new-passcode", UriKind.Relative), null);
        var passcode = (await renewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("passcode").GetString()!;
        await customer.Page.ReloadAsync();
        await customer.ExpectPanelAsync(En["passcode.title"]);
        await customer.FillAsync(En["passcode.label"], passcode);
        await customer.ClickAsync(En["passcode.submit"]);

        // Assert 2: unlocked, on both sides.
        await customer.ExpectPanelAsync("Create your profile");
        await customer.ScreenshotAsync("unlocked");
        var unlocked = await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{scenario.WorkflowId}");
        Assert.False(unlocked.GetProperty("locked").GetBoolean());
    }

    [Fact]
    public async Task ReplyStop_FromTheDevInbox_TheNextRequestToThatNumberIsRefusedWith422()
    {
        // Arrange: a request to a number of its own, so no other test's workflow shares it.
        var phone = "+1647555" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = await GatewayScenario.PostSeedAsync(host, 1, body => body["parameters"]!["phoneNumber"] = phone);
        await using var customer = await GatewayCustomer.StartAsync(browser, "trust-opt-out");
        var message = customer.Page.Locator("li", new() { Has = customer.Page.Locator($"a.gateway[href=\"{first.Link}\"]") });
        await Poll.UntilAsync(
            async () =>
            {
                await customer.Page.GotoAsync(host.BaseUrl + "/dev/sms");
                return await message.CountAsync() > 0;
            },
            CustomerScript.Deadline,
            "the SMS in the dev inbox");

        // Act: the customer replies STOP; the business then sends another request to the number.
        await message.GetByRole(AriaRole.Button, new() { Name = "Reply STOP" }).ClickAsync();
        await Expect(customer.Page.Locator("#reply-status")).Not.ToBeEmptyAsync();
        await customer.ScreenshotAsync("replied-stop");
        var body = JsonNode.Parse(CustomerScript.Seed(1))!.AsObject();
        body["parameters"]!["phoneNumber"] = phone;
        var (refused, problem) = await CustomerScript.PostWorkflowAsync(host.Business, body.ToJsonString());

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("PHONE_OPTED_OUT", error.GetProperty("errorCode").GetString());
    }
}
