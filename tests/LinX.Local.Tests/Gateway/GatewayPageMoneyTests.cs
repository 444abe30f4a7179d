using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LinX.Local.Tests.Gateway;

/// <summary>Money on the page: an ACH debit's authorisation, a bank account typed twice, a decline and another try.</summary>
[Collection(GatewayTests.Name)]
public sealed class GatewayPageMoneyTests(GatewayHostFixture host, BrowserFixture browser)
{
    private static readonly GatewayStrings En = GatewayStrings.English;

    [Fact]
    public async Task AchDebit_AuthorisationRefusedThenAccepted_PaysAndSaysWhenTheMoneyArrives()
    {
        // Arrange: a new customer pays the business by ACH debit from a new checking account.
        var scenario = await GatewayScenario.PostSeedAsync(host, 3, body =>
        {
            var p = body["parameters"]!;
            (p["financialAccountSubType"], p["transactionType"], p["solution"], p["priority"]) = ("CHECKING", "REQUEST", "ach", "STANDARD");
        });
        await using var customer = await GatewayCustomer.StartAsync(browser, "ach-debit");
        var posted = new List<string>();
        customer.Page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.Contains("/steps/move-money", StringComparison.Ordinal))
            {
                posted.Add(request.PostData ?? "");
            }
        };
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
        await customer.ExpectPanelAsync("Create your profile");
        await customer.FillProfileAsync();
        await customer.ClickAsync("Create profile");

        // The account number twice: a mismatch is shown as typed and stops the submission.
        await customer.ExpectPanelAsync("Add your checking account");
        await customer.FillAsync("Routing number", "021000021");
        await customer.FillAsync("Account number", "000123456789");
        await customer.Field("Confirm account number").PressSequentiallyAsync("000123456780");
        await customer.ExpectFieldErrorAsync("Confirm account number", En["bank.mismatch"]);
        await customer.FillAsync("Name on account", "Jane Roe");
        await customer.ClickAsync("Add account");
        await customer.ExpectFieldErrorAsync("Confirm account number", En["errors.ACCOUNT_NUMBER_CONFIRM_MISMATCH"]);
        await customer.ScreenshotAsync("bank-confirm-mismatch");
        await customer.FillAsync("Confirm account number", "000123456789");
        await customer.ClickAsync("Add account");

        // Act 1: accept without ticking the authorisation.
        await customer.ExpectPanelAsync("Review and accept");
        await Expect(customer.Panel).ToContainTextAsync("You pay LinX Demo Business");
        await Expect(customer.Panel.GetByRole(AriaRole.Heading, new() { Name = En["consent.achTitle"] })).ToBeVisibleAsync();
        await Expect(customer.Panel.Locator("#consent-text")).Not.ToBeEmptyAsync();
        var authorise = En.Format("consent.achCheckbox", ("business", "LinX Demo Business"));
        await customer.ScreenshotAsync("ach-authorization");
        await customer.ClickAsync("Accept and pay");

        // Assert 1: the field error on the checkbox, and the workflow still waits.
        await customer.ExpectFieldErrorAsync(authorise, En["errors.AUTHORIZATION_REQUIRED"]);
        await customer.ScreenshotAsync("ach-authorization-refused");
        Assert.All(posted, body => Assert.True(JsonDocument.Parse(body).RootElement.TryGetProperty("authorize", out _)));
        Assert.Equal("ACTIVE", (await scenario.GatewayViewAsync(host)).GetProperty("status").GetString());

        // Act 2: tick it and accept.
        await customer.Field(authorise).CheckAsync();
        await customer.ClickAsync("Accept and pay");

        // Assert 2: what was posted, the pending payment and when it arrives.
        await customer.ExpectPanelAsync(En["state.COMPLETED_PENDING.title"]);
        var accepted = JsonDocument.Parse(posted[^1]).RootElement;
        Assert.True(accepted.GetProperty("accept").GetBoolean() && accepted.GetProperty("authorize").GetBoolean());
        await Expect(customer.Panel).ToContainTextAsync(En["next.STANDARD"]);
        await ExpectFullNameAsync(host, customer, scenario, "Jane Roe");
        await customer.ScreenshotAsync("ach-pending");
        await scenario.WaitForStatusAsync(host, "COMPLETED");
    }

    /// <summary>The last page shows the customer's own name in full, once the server sends it in the step data.</summary>
    internal static async Task ExpectFullNameAsync(GatewayHostFixture host, GatewayCustomer customer, GatewayScenario scenario, string expected)
    {
        var name = await scenario.CustomerNameAsync(host);
        if (name is not null)
        {
            Assert.Equal(expected, name);
            await Expect(customer.Panel).ToContainTextAsync(expected);
        }
    }

    [Fact]
    public async Task Payout_Declined_ShowsThePlainReasonOnTheFailedPage()
    {
        // Arrange: the sandbox declines an amount ending in .13.
        var scenario = await GatewayScenario.PostSeedAsync(host, 4, body => body["parameters"]!["amount"] = 256.13m);
        await using var customer = await GatewayCustomer.StartAsync(browser, "payout-declined");
        await customer.EditViewAsync(scenario.Token, view => view["failureCode"] ??= "CARD_NOT_ELIGIBLE");
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
        await customer.ClickAsync("Yes, that's me");
        await customer.ClickAsync("Use this account");

        // Act
        await customer.ExpectPanelAsync("Review and accept");
        await customer.ClickAsync("Accept payment");

        // Assert
        await customer.ExpectPanelAsync(En["state.FAILED.title"]);
        var workflow = await scenario.WaitForStatusAsync(host, "FAILED");
        var code = (await scenario.GatewayViewAsync(host)).TryGetProperty("failureCode", out var c) ? c.GetString()! : "CARD_NOT_ELIGIBLE";
        await Expect(customer.Panel).ToContainTextAsync(En[$"failure.{code}"]);
        await customer.ScreenshotAsync("failed");
        Assert.Equal("FAILED", workflow.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Recovery_AfterADecline_ShowsWhyAndTheTryAndPostsTheNewCardWithTheAcceptance()
    {
        // Arrange: the payment step as the view contract shows it after a recoverable decline (try 2 of 3).
        var scenario = await GatewayScenario.PostSeedAsync(host, 4);
        await using var customer = await GatewayCustomer.StartAsync(browser, "recovery");
        await customer.EditViewAsync(scenario.Token, view =>
        {
            if (view["current"] is JsonObject current && (string?)current["name"] == "move-money")
            {
                current["recovery"] = new JsonObject
                {
                    ["attempt"] = 2, ["maxAttempts"] = 3, ["reasonCode"] = "CARD_DECLINED", ["accountKind"] = "card", ["financialAccountSubType"] = "DEBIT",
                };
            }
        });
        string? retried = null;
        await customer.Page.RouteAsync($"**/api/gateway/{scenario.Token}/retry", async route =>
        {
            retried = route.Request.PostData;
            await route.FulfillAsync(new() { Status = 400, ContentType = "application/problem+json", Body = """{"status":400,"errorCode":"VALIDATION_FAILED","errors":[{"path":"$.cvc","errorCode":"CVC_INVALID","message":"The security code is not valid."}]}""" });
        });
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
        await customer.ClickAsync("Yes, that's me");
        await customer.ClickAsync("Use this account");

        // Act
        await customer.ExpectPanelAsync(En["recovery.titleCard"]);
        await Expect(customer.Panel.Locator("#recovery-reason")).ToHaveTextAsync(En["failure.CARD_DECLINED"]);
        await Expect(customer.Panel).ToContainTextAsync("Attempt 2 of 3.");
        await Expect(customer.Panel.Locator(".amount")).ToHaveTextAsync("$256.25");
        await customer.FillCardAsync("5555555555554444");
        await Expect(customer.Panel.Locator(".badge")).ToHaveTextAsync("Mastercard");
        await customer.ScreenshotAsync("recovery");
        await customer.ClickAsync(En["recovery.submitCard"]);

        // Assert: the new card and the acceptance in one body; the server's field error next to its field.
        await customer.ExpectFieldErrorAsync("Security code", En["errors.CVC_INVALID"]);
        var body = JsonDocument.Parse(retried!).RootElement;
        Assert.Equal(("5555555555554444", "123", "M5V 2T6", true), (body.GetProperty("cardNumber").GetString(), body.GetProperty("cvc").GetString(),
            body.GetProperty("postalCode").GetString(), body.GetProperty("accept").GetBoolean()));
        await customer.ScreenshotAsync("recovery-error");
    }
}
