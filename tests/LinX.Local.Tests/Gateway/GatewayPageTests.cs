using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LinX.Local.Tests.Gateway;

/// <summary>The four seed examples, posted verbatim and completed by clicking through the page from the SMS inbox.</summary>
[Collection(GatewayTests.Name)]
public sealed class GatewayPageTests(GatewayHostFixture host, BrowserFixture browser)
{
    public static TheoryData<int, string[]> Seeds => new()
    {
        { 1, ["customer-account"] },
        { 2, ["lookup-profile", "financial-account"] },
        { 3, ["customer-account", "financial-account", "move-money"] },
        { 4, ["lookup-profile", "lookup-financial-account", "move-money"] },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Page_SeedExampleFollowedFromSmsInbox_CompletedByClicking(int seed, string[] steps)
    {
        // Arrange
        var scenario = await GatewayScenario.PostSeedAsync(host, seed);
        await using var customer = await GatewayCustomer.StartAsync(browser, $"seed-{seed}");

        // Act
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
        await Expect(customer.Page.Locator("#business-name")).ToHaveTextAsync("LinX Demo Business");
        // The heading is the customer memo or this kind of request's own words, never the business's internal title (ADR 0017).
        var view = await scenario.GatewayViewAsync(host);
        var heading = customer.Page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToHaveTextAsync(GatewayStrings.English.HeadingOf(view));
        await Expect(heading).Not.ToHaveTextAsync(
            System.Text.Json.Nodes.JsonNode.Parse(CustomerScript.Seed(seed))!["title"]!.GetValue<string>());
        for (var i = 0; i < steps.Length; i++)
        {
            await Expect(customer.Page.Locator("#progress-label")).ToContainTextAsync($"Step {i + 1} of {steps.Length}");
            await CompleteStepAsync(customer, steps[i], seed);
        }

        await customer.ExpectPanelAsync("All done");
        await customer.ScreenshotAsync("done");

        // Assert: the business sees the workflow completed, with the records the customer's clicks created.
        var workflow = await scenario.WaitForStatusAsync(host, "COMPLETED");
        Assert.All(workflow.GetProperty("steps").EnumerateArray(), s => Assert.Equal("COMPLETED", s.GetProperty("status").GetString()));
        var customerRecord = await ReadAsync($"/api/linx/customers/{workflow.GetProperty("customerId").GetString()}");
        Assert.Equal(steps.Contains("customer-account") ? "Jane" : "John", customerRecord.GetProperty("firstName").GetString());
        if (steps.Contains("financial-account"))
        {
            var account = await ReadAsync($"/api/linx/financial-accounts/{workflow.GetProperty("financialAccountId").GetString()}");
            Assert.Equal("1111", account.GetProperty("last4").GetString());
        }

        if (steps.Contains("move-money"))
        {
            var transaction = await ReadAsync($"/api/linx/transactions/{workflow.GetProperty("transactionId").GetString()}");
            Assert.Equal(256.25m, transaction.GetProperty("amount").GetDecimal());
            await Expect(customer.Panel).ToContainTextAsync("$256.25");
        }
    }

    [Fact]
    public async Task Page_BankAccountRequested_RoutingNumberCheckedAsTypedThenAccountAdded()
    {
        // Arrange: seed 2 asking for a checking account instead of a debit card.
        var scenario = await GatewayScenario.PostSeedAsync(host, 2, body => body["parameters"]!["financialAccountSubType"] = "CHECKING");
        await using var customer = await GatewayCustomer.StartAsync(browser, "bank-account");
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);
        await customer.ExpectPanelAsync("Is this you?");
        await customer.ClickAsync("Yes, that's me");

        // Act
        await customer.ExpectPanelAsync("Add your checking account");
        await Expect(customer.Panel).ToContainTextAsync("Checking account");
        await customer.Field("Routing number").PressSequentiallyAsync("021000022");
        await customer.ExpectFieldErrorAsync("Routing number", "This routing number isn't valid. Check the digits.");
        await customer.FillAsync("Routing number", "021000021");
        await customer.FillAsync("Account number", "000123456789");
        await customer.FillAsync("Confirm account number", "000123456789");
        await customer.FillAsync("Name on account", "John Doe");
        await Expect(customer.Field("Routing number")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await customer.ScreenshotAsync("bank-filled");

        // The waiting state while the orchestrator applies the account: the page's reads of the view are held back
        // (not faked) long enough for a screenshot.
        await customer.HoldViewResponsesAsync(scenario.Token, async () =>
        {
            await customer.ClickAsync("Add account");
            await customer.ExpectPanelAsync("Working on it…");
            await customer.ScreenshotAsync("waiting");
        });

        // Assert
        await customer.ExpectPanelAsync("All done");
        await customer.ScreenshotAsync("done");
        var workflow = await scenario.WaitForStatusAsync(host, "COMPLETED");
        var account = await ReadAsync($"/api/linx/financial-accounts/{workflow.GetProperty("financialAccountId").GetString()}");
        Assert.Equal(("CHECKING", "6789"), (account.GetProperty("subType").GetString(), account.GetProperty("last4").GetString()));
    }

    private static async Task CompleteStepAsync(GatewayCustomer customer, string step, int seed)
    {
        switch (step)
        {
            case "customer-account":
                await customer.ExpectPanelAsync("Create your profile");
                await customer.ScreenshotAsync("profile");
                await customer.FillProfileAsync();
                await customer.ScreenshotAsync("profile-filled");
                await customer.ClickAsync("Create profile");
                break;
            case "lookup-profile":
                await customer.ExpectPanelAsync("Is this you?");
                await Expect(customer.Panel).ToContainTextAsync("John D.");
                await Expect(customer.Panel).ToContainTextAsync("j******e@example.com");
                await customer.ScreenshotAsync("confirm-profile");
                await customer.ClickAsync("Yes, that's me");
                break;
            case "financial-account":
                await customer.ExpectPanelAsync("Add your debit card");
                await customer.ScreenshotAsync("card");
                await customer.FillCardAsync("4111111111111111");
                await Expect(customer.Field("Card number")).ToHaveValueAsync("4111 1111 1111 1111");
                await Expect(customer.Panel.Locator(".badge")).ToHaveTextAsync("Visa");
                await customer.ScreenshotAsync("card-filled");
                await customer.ClickAsync("Add card");
                break;
            case "lookup-financial-account":
                await customer.ExpectPanelAsync("Use this account?");
                await Expect(customer.Panel).ToContainTextAsync("Visa debit card ending in 4242");
                await customer.ScreenshotAsync("confirm-account");
                await customer.ClickAsync("Use this account");
                break;
            case "move-money":
                await customer.ExpectPanelAsync("Review and accept");
                await Expect(customer.Panel.Locator(".amount")).ToHaveTextAsync("$256.25");
                await Expect(customer.Panel).ToContainTextAsync("LinX Demo Business sends you");
                await Expect(customer.Panel).ToContainTextAsync("Instant payment to your card");
                await Expect(customer.Panel).ToContainTextAsync("Payment of rebates");
                await Expect(customer.Panel).ToContainTextAsync(seed == 4 ? "ending in 4242" : "ending in 1111");
                // The sentence the customer accepts, as the server hashes it into their evidence.
                await Expect(customer.Panel.Locator("#consent-text")).ToHaveTextAsync(
                    $"I accept that LinX Demo Business sends 256.25 USD to my card ending in {(seed == 4 ? "4242" : "1111")} as an instant payout, "
                    + "which usually arrives within minutes and cannot be recalled once sent.");
                await customer.ScreenshotAsync("review");
                await customer.ClickAsync("Accept payment");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, "Not an interactive step.");
        }
    }

    private async Task<JsonElement> ReadAsync(string path)
    {
        var response = await host.Business.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
