using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinX.Testing;

namespace LinX.Local.Tests.Consent;

/// <summary>
/// Issue 17 item 2 over real HTTP: an ACH debit moves no money until the customer ticks its authorisation (amount, date,
/// account, business, how to revoke), and the business reads what was accepted, word for word, with the workflow and
/// with the transaction; a card payout's terms are one line.
/// </summary>
[Collection(LocalHostTests.Name)]
public sealed class AchDebitAuthorizationTests(LocalHostFixture host)
{
    private static readonly object NewBankAccount = new
    {
        routingNumber = "011000015", accountNumber = "000123456789", accountNumberConfirm = "000123456789", nameOnAccount = "Jane Roe",
    };

    private readonly CustomerScript _customer = new(host);

    [Fact]
    public async Task AchDebit_AcceptedWithoutTheTick_Is400ThenTickedMovesTheMoneyWithEvidence()
    {
        // Arrange: the customer pays the business 42.50 USD from a new checking account.
        var (_, created) = await CustomerScript.PostWorkflowAsync(host.Business, AchDebitRequest());
        var id = created.GetProperty("workflowId").GetString()!;
        var token = await _customer.TokenFromSmsAsync("+16471234567", host.LinkOf(created));
        await _customer.SubmitAsync(token, "customer-account", CustomerScript.NewProfile);
        await _customer.SubmitAsync(token, "financial-account", NewBankAccount);
        var consent = (await _customer.WaitForStepAsync(token, "move-money")).GetProperty("current").GetProperty("consent");

        // Act
        using var untickedResponse = await host.Anonymous.PostAsJsonAsync($"/api/gateway/{token}/steps/move-money", new { accept = true });
        var unticked = await untickedResponse.Content.ReadFromJsonAsync<JsonElement>();
        var stillWaiting = await _customer.ViewAsync(token);
        await _customer.SubmitAsync(token, "move-money", new { accept = true, authorize = true });
        var workflow = await CustomerScript.WaitForStatusAsync(host.Business, id, "COMPLETED");
        var transaction = await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/transactions/{workflow.GetProperty("transactionId").GetString()}");

        // Assert: the sentence names what a debit authorisation must; nothing moved before the tick.
        var text = consent.GetProperty("text").GetString()!;
        Assert.Equal("ACH_DEBIT_AUTHORIZATION", consent.GetProperty("kind").GetString());
        Assert.Contains("42.50 USD", text, StringComparison.Ordinal);
        Assert.Contains("checking account ending in 6789", text, StringComparison.Ordinal);
        Assert.Contains(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains("revoke", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, untickedResponse.StatusCode);
        var error = Assert.Single(unticked.GetProperty("errors").EnumerateArray());
        Assert.Equal(("$.authorize", "AUTHORIZATION_REQUIRED"), (error.GetProperty("path").GetString(), error.GetProperty("errorCode").GetString()));
        Assert.Equal("move-money", stillWaiting.GetProperty("current").GetProperty("name").GetString());
        var acceptance = transaction.GetProperty("acceptance");
        Assert.Equal(("ACH_DEBIT_AUTHORIZATION", text, "en"),
            (acceptance.GetProperty("kind").GetString(), acceptance.GetProperty("text").GetString(), acceptance.GetProperty("locale").GetString()));
        Assert.Equal(consent.GetProperty("sha256").GetString(), acceptance.GetProperty("textSha256").GetString());
        Assert.Equal("127.0.0.1", acceptance.GetProperty("ipAddress").GetString());
        var money = workflow.GetProperty("consents").EnumerateArray().Single(c => c.GetProperty("stepName").GetString() == "move-money");
        Assert.Equal(text, money.GetProperty("text").GetString());
    }

    [Fact]
    public async Task AchDebit_PageInFrench_ShowsAndRecordsTheFrenchAuthorization()
    {
        // Arrange
        var (_, created) = await CustomerScript.PostWorkflowAsync(host.Business, AchDebitRequest());
        var id = created.GetProperty("workflowId").GetString()!;
        var token = await _customer.TokenFromSmsAsync("+16471234567", host.LinkOf(created));
        await _customer.SubmitAsync(token, "customer-account", CustomerScript.NewProfile);
        await _customer.SubmitAsync(token, "financial-account", NewBankAccount);
        await _customer.WaitForStepAsync(token, "move-money");

        // Act
        var french = (await host.Anonymous.GetFromJsonAsync<JsonElement>($"/api/gateway/{token}?locale=fr-CA"))
            .GetProperty("current").GetProperty("consent");
        await _customer.SubmitAsync(token, "move-money", new { accept = true, authorize = true, locale = "fr-CA" });
        var workflow = await CustomerScript.WaitForStatusAsync(host.Business, id, "COMPLETED");

        // Assert
        var text = french.GetProperty("text").GetString()!;
        Assert.Contains("42,50 USD", text, StringComparison.Ordinal);
        Assert.Contains("compte chèques se terminant par 6789", text, StringComparison.Ordinal);
        var money = workflow.GetProperty("consents").EnumerateArray().Single(c => c.GetProperty("stepName").GetString() == "move-money");
        Assert.Equal((text, "fr-CA"), (money.GetProperty("text").GetString(), money.GetProperty("locale").GetString()));
    }

    [Fact]
    public async Task CardPayout_TermsAreOneLineNamingTheCardAndNeedNoTick()
    {
        // Arrange
        var (_, created) = await CustomerScript.PostWorkflowAsync(host.Business, CustomerScript.Seed(3));
        var token = await _customer.TokenFromSmsAsync("+16471234567", host.LinkOf(created));
        await _customer.CompleteAsync(token, ["customer-account", "financial-account"]);

        // Act
        var consent = (await _customer.WaitForStepAsync(token, "move-money")).GetProperty("current").GetProperty("consent");
        using var accepted = await host.Anonymous.PostAsJsonAsync($"/api/gateway/{token}/steps/move-money", new { accept = true });

        // Assert
        var text = consent.GetProperty("text").GetString()!;
        Assert.Equal("PAYOUT_TERMS", consent.GetProperty("kind").GetString());
        Assert.Contains("256.25 USD", text, StringComparison.Ordinal);
        Assert.Contains("card ending in 1111", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    private static string AchDebitRequest()
    {
        var body = JsonNode.Parse(CustomerScript.Seed(3))!.AsObject();
        var parameters = body["parameters"]!.AsObject();
        parameters["financialAccountSubType"] = "CHECKING";
        parameters["transactionType"] = "REQUEST";
        parameters["solution"] = "ach";
        parameters["amount"] = 42.50m;
        parameters["priority"] = "SAME_DAY";
        parameters["paymentReasonId"] = "other";
        parameters["introductoryMessage"] = "Please authorize your payment";
        return body.ToJsonString();
    }
}
