using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LinX.Core;
using LinX.Core.Payments;
using LinX.Infrastructure.Payments;
using LinX.Local.Durable;
using LinX.Local.Tests.Security;
using LinX.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LinX.Local.Tests.Gateway;

/// <summary>
/// Issue 17 items 3 and 7 on the local host (real HTTP, real Azurite, the sandbox processor): card verification data,
/// the bank account number asked twice, and recovery from a declined payment with another card (ADR 0016).
/// </summary>
[Collection(LocalHostTests.Name)]
public sealed class PaymentRecoveryTests(LocalHostFixture host)
{
    private const string GoodCard = "4242424242424242";

    private readonly CustomerScript _customer = new(host);

    [Fact]
    public async Task DeclinedCard_RetriedWithAGoodCard_CompletesWithBothAttemptsVisibleAndNoCardDataStored()
    {
        // Arrange: a push-to-card rebate; the customer's first card is declined by its issuer.
        var (workflowId, token) = await StartAsync(256.25m);
        await _customer.SubmitAsync(token, "customer-account", CustomerScript.NewProfile);
        await _customer.SubmitAsync(token, "financial-account", Card(SandboxTestValues.DeclinedCard));
        await _customer.SubmitAsync(token, "move-money", new { accept = true });
        var recovering = await RecoveryAsync(token);

        // Act
        using var retried = await host.Anonymous.PostAsJsonAsync($"/api/gateway/{token}/retry", Card(GoodCard, accept: true));
        var done = await CustomerScript.WaitForStatusAsync(host.Business, workflowId, "COMPLETED");

        // Assert: the Gateway asked for a card after one failed attempt, still showing the transaction and the sentence to accept.
        var current = recovering.GetProperty("current");
        Assert.Equal(
            """{"attempt":1,"maxAttempts":3,"reasonCode":"CARD_DECLINED","accountKind":"card","financialAccountSubType":"DEBIT"}""",
            current.GetProperty("recovery").GetRawText());
        Assert.Equal("DECLINED", current.GetProperty("data").GetProperty("status").GetString());
        Assert.StartsWith("I accept that", current.GetProperty("consent").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, recovering.GetProperty("failureCode").ValueKind);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);

        // ...and the business sees both attempts, the replacement account as the workflow's, and the retry's acceptance.
        var attempts = done.GetProperty("paymentAttempts").EnumerateArray().ToList();
        Assert.Equal([(1, "DECLINED", "CARD_DECLINED"), (2, "SETTLED", null)], attempts.Select(a => (
            a.GetProperty("attempt").GetInt32(), a.GetProperty("status").GetString(), a.GetProperty("reasonCode").GetString())));
        Assert.Equal("The card issuer declined the payment.", attempts[0].GetProperty("reason").GetString());
        Assert.NotEqual(attempts[0].GetProperty("transactionId").GetString(), attempts[1].GetProperty("transactionId").GetString());
        Assert.Equal(attempts[1].GetProperty("financialAccountId").GetString(), done.GetProperty("financialAccountId").GetString());
        Assert.Equal(attempts[1].GetProperty("transactionId").GetString(), done.GetProperty("transactionId").GetString());
        Assert.NotEqual(attempts[0].GetProperty("financialAccountId").GetString(), attempts[1].GetProperty("financialAccountId").GetString());
        Assert.Contains(done.GetProperty("consents").EnumerateArray(), c => c.GetProperty("stepName").GetString() == "move-money:attempt-2");
        Assert.Equal(JsonValueKind.Null, done.GetProperty("failureCode").ValueKind);
        var declined = await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/transactions/{attempts[0].GetProperty("transactionId").GetString()}");
        Assert.Equal("DECLINED", declined.GetProperty("status").GetString());

        // Nothing of the cards' numbers, CVC or billing postal code is in any stored row (LinX's tables and the task hub's).
        var stored = await DumpStorageAsync();
        Assert.Contains(workflowId, stored, StringComparison.Ordinal);
        Assert.All(
            [SandboxTestValues.DeclinedCard, GoodCard, DistinctivePersonalData.BillingPostalCode, "\"cvc\"", "Cvc="],
            value => Assert.False(stored.Contains(value, StringComparison.Ordinal), $"'{value}' is stored."));
    }

    [Fact]
    public async Task ThreeDeclines_WorkflowFailsWithTheLastReason_AndEveryAttemptIsShown()
    {
        // Arrange
        var (workflowId, token) = await StartAsync(20.00m);
        await _customer.SubmitAsync(token, "customer-account", CustomerScript.NewProfile);
        await _customer.SubmitAsync(token, "financial-account", Card(SandboxTestValues.DeclinedCard));
        await _customer.SubmitAsync(token, "move-money", new { accept = true });

        // Act
        await RecoveryAsync(token, attempt: 1);
        using var second = await host.Anonymous.PostAsJsonAsync($"/api/gateway/{token}/retry", Card(SandboxTestValues.InsufficientFundsCard, accept: true));
        await RecoveryAsync(token, attempt: 2);
        using var third = await host.Anonymous.PostAsJsonAsync($"/api/gateway/{token}/retry", Card(SandboxTestValues.NotEligibleCard, accept: true));
        var failed = await CustomerScript.WaitForStatusAsync(host.Business, workflowId, "FAILED");
        var view = await _customer.ViewAsync(token);

        // Assert
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (second.StatusCode, third.StatusCode));
        Assert.Equal(
            [PaymentDeclineCodes.CardDeclined, PaymentDeclineCodes.InsufficientFunds, PaymentDeclineCodes.CardNotEligible],
            failed.GetProperty("paymentAttempts").EnumerateArray().Select(a => a.GetProperty("reasonCode").GetString()));
        Assert.Equal(PaymentDeclineCodes.CardNotEligible, failed.GetProperty("failureCode").GetString());
        Assert.Equal("The transaction was DECLINED: The card cannot receive instant payouts.", failed.GetProperty("failureReason").GetString());
        Assert.Equal(("FAILED", PaymentDeclineCodes.CardNotEligible), (view.GetProperty("status").GetString(), view.GetProperty("failureCode").GetString()));
    }

    [Fact]
    public async Task AmountEndingIn13_FailsAtOnce_AndARetryIsRefused()
    {
        var (workflowId, token) = await StartAsync(10.13m);
        await _customer.CompleteAsync(token, ["customer-account", "financial-account", "move-money"]);

        var failed = await CustomerScript.WaitForStatusAsync(host.Business, workflowId, "FAILED");
        using var retry = await host.Anonymous.PostAsJsonAsync($"/api/gateway/{token}/retry", Card(GoodCard, accept: true));

        Assert.Equal(PaymentDeclineCodes.PaymentDeclined, failed.GetProperty("failureCode").GetString());
        Assert.Equal(1, failed.GetProperty("paymentAttempts").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
    }

    [Fact]
    public async Task CvcOrPostalCodeMismatch_Is400OnTheField_AndTheStepStillWaits()
    {
        // Arrange
        var (_, token) = await StartAsync(256.25m);
        await _customer.SubmitAsync(token, "customer-account", CustomerScript.NewProfile);
        await _customer.WaitForStepAsync(token, "financial-account");

        // Act
        var cvc = await PostStepAsync(token, Card(GoodCard, cvc: SandboxTestValues.MismatchedCvc));
        var postal = await PostStepAsync(token, Card(GoodCard, postalCode: "X0X 0X0"));
        var missing = await PostStepAsync(token, new { cardNumber = GoodCard, expiry = "2031-08", nameOnCard = "Jane Roe" });
        using var retry = await host.Anonymous.PostAsJsonAsync($"/api/gateway/{token}/retry", Card(GoodCard, accept: true));
        var stillWaiting = await _customer.WaitForStepAsync(token, "financial-account");

        // Assert
        Assert.Equal([("$.cvc", ServiceErrorCodes.CvcMismatch)], cvc);
        Assert.Equal([("$.postalCode", ServiceErrorCodes.BillingPostalCodeMismatch)], postal);
        Assert.Equal(["$.cvc", "$.postalCode"], missing.Select(e => e.Path));
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Equal(ServiceErrorCodes.RetryNotAvailable, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
        Assert.Equal("financial-account", stillWaiting.GetProperty("steps")[stillWaiting.GetProperty("currentStep").GetInt32()].GetProperty("name").GetString());
    }

    [Fact]
    public async Task BankAccountConfirmationDiffers_Is400OnTheConfirmation()
    {
        // Arrange: an ACH rebate to a new checking account.
        var (_, token) = await StartAsync(256.25m, p =>
        {
            p["financialAccountSubType"] = "CHECKING";
            p["solution"] = "ach";
            p["priority"] = "SAME_DAY";
        });
        await _customer.SubmitAsync(token, "customer-account", CustomerScript.NewProfile);
        await _customer.WaitForStepAsync(token, "financial-account");

        // Act
        var errors = await PostStepAsync(
            token, new { routingNumber = "011000015", accountNumber = "000123456789", accountNumberConfirm = "000123456798", nameOnAccount = "Jane Roe" });

        // Assert
        Assert.Equal([("$.accountNumberConfirm", ServiceErrorCodes.AccountNumberConfirmMismatch)], errors);
        await _customer.WaitForStepAsync(token, "financial-account");
    }

    private static object Card(string number, string cvc = "123", string postalCode = DistinctivePersonalData.BillingPostalCode, bool accept = false) =>
        accept
            ? new { cardNumber = number, expiry = "2031-08", nameOnCard = "Jane Roe", cvc, postalCode, accept = true }
            : new { cardNumber = number, expiry = "2031-08", nameOnCard = "Jane Roe", cvc, postalCode };

    /// <summary>Seed 3 (a rebate to a new card) for <paramref name="amount"/>, texted to a phone of its own; its id and link token.</summary>
    private async Task<(string WorkflowId, string Token)> StartAsync(decimal amount, Action<JsonObject>? edit = null)
    {
        var body = JsonNode.Parse(CustomerScript.Seed(3))!.AsObject();
        var parameters = body["parameters"]!.AsObject();
        var phone = "+1647556" + Random.Shared.Next(1000, 10000).ToString(CultureInfo.InvariantCulture);
        parameters["phoneNumber"] = phone;
        parameters["amount"] = amount;
        edit?.Invoke(parameters);
        var (response, created) = await CustomerScript.PostWorkflowAsync(host.Business, body.ToJsonString(), "recovery-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (created.GetProperty("workflowId").GetString()!, await _customer.TokenFromSmsAsync(phone, host.LinkOf(created)));
    }

    /// <summary>The Gateway view once the payment waits for a replacement after <paramref name="attempt"/> failed attempts.</summary>
    private async Task<JsonElement> RecoveryAsync(string token, int attempt = 1) =>
        await Poll.UntilAsync<JsonElement?>(
            async () => await _customer.ViewAsync(token),
            v => v!.Value.TryGetProperty("current", out var c) && c.ValueKind == JsonValueKind.Object
                && c.GetProperty("recovery") is { ValueKind: JsonValueKind.Object } r && r.GetProperty("attempt").GetInt32() == attempt,
            CustomerScript.Deadline,
            $"the payment to wait for a replacement after {attempt} attempt(s)") ?? default;

    private async Task<List<(string Path, string Code)>> PostStepAsync(string token, object body)
    {
        using var response = await host.Anonymous.PostAsJsonAsync($"/api/gateway/{token}/steps/financial-account", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("path").GetString()!, e.GetProperty("errorCode").GetString()!))];
    }

    /// <summary>Every row of every table of the host's storage account.</summary>
    private async Task<string> DumpStorageAsync()
    {
        var hub = host.Services.GetRequiredService<IOptions<DurableTaskHubOptions>>().Value;
        var tables = new TableServiceClient(hub.ConnectionString);
        var dump = new StringBuilder();
        await foreach (var table in tables.QueryAsync())
        {
            dump.Append(await HistoryPersonalDataTests.DumpAsync(tables.GetTableClient(table.Name)));
        }

        return dump.ToString();
    }
}
