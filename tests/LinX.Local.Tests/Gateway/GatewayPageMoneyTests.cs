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
    public async Task AchDebit_AuthorisationRefusedThenAccepted_PaysAndSaysWhenTheMoneyMoves()
    {
        // Arrange: a new customer pays the business by ACH debit from a new checking account, scheduled 20 days ahead.
        var day = DateTime.UtcNow.Date.AddDays(20);
        var start = new DateTimeOffset(day.Year, day.Month, day.Day, 9, 0, 0, TimeSpan.FromHours(-5));
        var startDay = start.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var scenario = await GatewayScenario.PostSeedAsync(host, 3, body =>
        {
            var p = body["parameters"]!;
            (p["financialAccountSubType"], p["transactionType"], p["solution"], p["priority"]) = ("CHECKING", "REQUEST", "ach", "SCHEDULED");
            p["startDateTime"] = start.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
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
        await Expect(customer.Panel.Locator("#consent-text")).ToContainTextAsync("on or after " + startDay);
        await Expect(customer.Panel).ToContainTextAsync(En.Format("money.onDate", ("date", startDay)));
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
        await Expect(customer.Panel).ToContainTextAsync(En.Format("next.SCHEDULED", ("date", startDay)));
        await ExpectFullNameAsync(host, customer, scenario, "Jane Roe");
        await customer.ScreenshotAsync("ach-pending");
        await scenario.WaitForStatusAsync(host, "COMPLETED");
    }

    /// <summary>
    /// The last page shows the name the customer typed, in full: the page kept it from the open request's view, since an
    /// ended link's view carries no personal data (whoever opens it later sees only the end state).
    /// </summary>
    internal static async Task ExpectFullNameAsync(GatewayHostFixture host, GatewayCustomer customer, GatewayScenario scenario, string expected)
    {
        await Expect(customer.Panel).ToContainTextAsync(expected);
        Assert.Null(await scenario.CustomerNameAsync(host));
    }

    [Fact]
    public async Task Payout_Declined_ShowsThePlainReasonOnTheFailedPage()
    {
        // Arrange: the sandbox declines an amount ending in .13.
        var scenario = await GatewayScenario.PostSeedAsync(host, 4, body => body["parameters"]!["amount"] = 256.13m);
        await using var customer = await GatewayCustomer.StartAsync(browser, "payout-declined");
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
        await customer.ClickAsync("Yes, that's me");
        await customer.ClickAsync("Use this account");

        // Act
        await customer.ExpectPanelAsync("Review and accept");
        await customer.ClickAsync("Accept payment");

        // Assert
        await customer.ExpectPanelAsync(En["state.FAILED.title"]);
        var workflow = await scenario.WaitForStatusAsync(host, "FAILED");
        Assert.Equal("PAYMENT_DECLINED", (await scenario.GatewayViewAsync(host)).GetProperty("failureCode").GetString());
        await Expect(customer.Panel).ToContainTextAsync(En["failure.PAYMENT_DECLINED"]);
        await customer.ScreenshotAsync("failed");
        Assert.Equal("FAILED", workflow.GetProperty("status").GetString());
    }
}
