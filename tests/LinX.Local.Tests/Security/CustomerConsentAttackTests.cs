using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinX.Testing;

namespace LinX.Local.Tests.Security;

/// <summary>
/// Issue 19's findings 1, 3 (resend volume and countries) and 7 (races and leftovers), replayed over real HTTP: the
/// business cannot act as its customer, a cancel never silently loses to the customer's acceptance, an ended link shows
/// only its end state, resends are limited, and numbers of other countries are refused.
/// </summary>
[Collection(LocalHostTests.Name)]
public sealed class CustomerConsentAttackTests(LocalHostFixture host)
{
    private readonly CustomerScript _customer = new(host);

    [Fact]
    public async Task Create_AnswerAndReplay_CarryNoLinkAndThePasscodeOnlyOnce()
    {
        // Arrange: finding 1 — the business got the link (and with it the customer's steps) in its answer.
        var body = JsonNode.Parse(CustomerScript.Seed(1))!.AsObject();
        body["passcode"] = true;
        var key = "consent-" + Guid.NewGuid().ToString("N");

        // Act
        var (first, created) = await CustomerScript.PostWorkflowAsync(host.Business, body.ToJsonString(), key);
        var (replay, replayed) = await CustomerScript.PostWorkflowAsync(host.Business, body.ToJsonString(), key);

        // Assert
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, replay.StatusCode));
        Assert.False(created.TryGetProperty("link", out _));
        Assert.False(replayed.TryGetProperty("link", out _));
        Assert.DoesNotContain(CustomerScript.TokenOf(host.LinkOf(created)), created.GetRawText(), StringComparison.Ordinal);
        Assert.Matches("^[0-9]{6}$", created.GetProperty("passcode").GetString()!);
        Assert.Equal(JsonValueKind.Null, replayed.GetProperty("passcode").ValueKind);
    }

    [Fact]
    public async Task BusinessChannel_AnswerCarriesTheLinkNothingIsTextedAndTheEvidenceSaysSo()
    {
        // Arrange: the business hands the link over itself (as Plaid's hosted link lets it).
        var body = JsonNode.Parse(CustomerScript.Seed(1))!.AsObject();
        body["parameters"]!["channel"] = "BUSINESS";
        var key = "business-link-" + Guid.NewGuid().ToString("N");

        // Act
        var (response, created) = await CustomerScript.PostWorkflowAsync(host.Business, body.ToJsonString(), key);
        var (_, replayed) = await CustomerScript.PostWorkflowAsync(host.Business, body.ToJsonString(), key);
        var id = created.GetProperty("workflowId").GetString()!;
        var link = created.GetProperty("link").GetString()!;
        await CustomerScript.WaitForStatusAsync(host.Business, id, "ACTIVE");
        using var resend = await host.Business.PostAsync(new Uri($"/api/linx/workflows/{id}/resend", UriKind.Relative), null);
        await _customer.CompleteAsync(CustomerScript.TokenOf(link), ["customer-account"]);
        var workflow = await CustomerScript.WaitForStatusAsync(host.Business, id, "COMPLETED");
        var notifications = await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{id}/notifications");

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal((host.LinkOf(created), link), (link, replayed.GetProperty("link").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, resend.StatusCode);
        Assert.Equal("LINK_DELIVERED_BY_BUSINESS", await ErrorCodeAsync(resend));
        Assert.Equal(0, notifications.GetArrayLength());
        Assert.Equal(JsonValueKind.Null, workflow.GetProperty("nextNotificationAt").ValueKind);
        Assert.Equal("BUSINESS", workflow.GetProperty("channel").GetString());
        Assert.Equal("BUSINESS", Assert.Single(workflow.GetProperty("consents").EnumerateArray()).GetProperty("linkDeliveredBy").GetString());
    }

    [Fact]
    public async Task Acceptance_RecordsEvidenceOfTheTextShownFromTheCustomersOwnRequest()
    {
        // Arrange
        var (_, created) = await CustomerScript.PostWorkflowAsync(host.Business, CustomerScript.Seed(3));
        var id = created.GetProperty("workflowId").GetString()!;
        var token = await _customer.TokenFromSmsAsync("+16471234567", host.LinkOf(created));
        using var browser = host.NewClient(null);
        browser.DefaultRequestHeaders.UserAgent.ParseAdd("ConsentTest/1.0");
        await _customer.CompleteAsync(token, ["customer-account", "financial-account"], browser);
        var shown = (await _customer.WaitForStepAsync(token, "move-money", browser)).GetProperty("current").GetProperty("consent");

        // Act
        await _customer.SubmitAsync(token, "move-money", new { accept = true }, browser);
        var workflow = await CustomerScript.WaitForStatusAsync(host.Business, id, "COMPLETED");

        // Assert: one evidence row a step, the money step's hash being that of the sentence the page showed.
        var consents = workflow.GetProperty("consents").EnumerateArray().ToList();
        Assert.Equal(["customer-account", "financial-account", "move-money"], consents.Select(c => c.GetProperty("stepName").GetString()));
        var money = consents[2];
        Assert.Contains("256.25 USD", shown.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(Sha256(shown.GetProperty("text").GetString()!), money.GetProperty("textSha256").GetString());
        Assert.Equal(shown.GetProperty("version").GetString(), money.GetProperty("textVersion").GetString());
        Assert.Equal("127.0.0.1", money.GetProperty("ipAddress").GetString());
        Assert.Equal("ConsentTest/1.0", money.GetProperty("userAgent").GetString());
        Assert.Equal("LINX_SMS", money.GetProperty("linkDeliveredBy").GetString());
    }

    [Fact]
    public async Task CancelRacingAcceptance_ExactlyOneWinsAndTheOtherIs409()
    {
        for (var round = 0; round < 3; round++)
        {
            // Arrange: a rebate waiting for the customer's acceptance.
            var (_, created) = await CustomerScript.PostWorkflowAsync(host.Business, CustomerScript.Seed(3));
            var id = created.GetProperty("workflowId").GetString()!;
            var token = await _customer.TokenFromSmsAsync("+16471234567", host.LinkOf(created));
            await _customer.CompleteAsync(token, ["customer-account", "financial-account"]);
            await _customer.WaitForStepAsync(token, "move-money");

            // Act: both at once.
            var accept = host.Anonymous.PostAsJsonAsync($"/api/gateway/{token}/steps/move-money", new { accept = true });
            var cancel = host.Business.PostAsync(new Uri($"/api/linx/workflows/{id}/cancel", UriKind.Relative), null);
            using var accepted = await accept;
            using var cancelled = await cancel;

            // Assert: never both 202; the 202's side is the end state.
            var statuses = (accepted.StatusCode, cancelled.StatusCode);
            if (statuses == (HttpStatusCode.Accepted, HttpStatusCode.Conflict))
            {
                Assert.Equal("WORKFLOW_ALREADY_ACCEPTED", await ErrorCodeAsync(cancelled));
                var done = await CustomerScript.WaitForStatusAsync(host.Business, id, "COMPLETED");
                Assert.Equal(JsonValueKind.String, done.GetProperty("transactionId").ValueKind);
            }
            else
            {
                Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Accepted), statuses);
                var ended = await CustomerScript.WaitForStatusAsync(host.Business, id, "CANCELLED");
                Assert.Equal(JsonValueKind.Null, ended.GetProperty("transactionId").ValueKind);
            }
        }
    }

    [Fact]
    public async Task Cancel_AfterTheCustomerAccepted_Is409AndTheMoneyMoves()
    {
        // Arrange
        var (_, created) = await CustomerScript.PostWorkflowAsync(host.Business, CustomerScript.Seed(3));
        var id = created.GetProperty("workflowId").GetString()!;
        var token = await _customer.TokenFromSmsAsync("+16471234567", host.LinkOf(created));
        await _customer.CompleteAsync(token, ["customer-account", "financial-account", "move-money"]);

        // Act
        using var cancel = await host.Business.PostAsync(new Uri($"/api/linx/workflows/{id}/cancel", UriKind.Relative), null);

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.Contains(await ErrorCodeAsync(cancel), new[] { "WORKFLOW_ALREADY_ACCEPTED", "WORKFLOW_NOT_ACTIVE" });
        await CustomerScript.WaitForStatusAsync(host.Business, id, "COMPLETED");
    }

    [Fact]
    public async Task EndedWorkflowLink_ShowsOnlyItsEndState()
    {
        // Arrange
        var (_, created) = await CustomerScript.PostWorkflowAsync(host.Business, CustomerScript.Seed(3));
        var id = created.GetProperty("workflowId").GetString()!;
        var token = await _customer.TokenFromSmsAsync("+16471234567", host.LinkOf(created));
        await _customer.CompleteAsync(token, ["customer-account", "financial-account", "move-money"]);
        await CustomerScript.WaitForStatusAsync(host.Business, id, "COMPLETED");

        // Act
        var view = await _customer.ViewAsync(token);

        // Assert: no name, e-mail or card digits; the transaction's amount and status remain (the business's brand, whose
        // time zone may name the customer's city, is left out of the search).
        var shown = System.Text.Json.Nodes.JsonNode.Parse(view.GetRawText())!.AsObject();
        shown.Remove("brand");
        var text = shown.ToJsonString();
        Assert.Equal("COMPLETED", view.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("current").ValueKind);
        foreach (var personal in new[] { "Jane", "j***", "1111", "Toronto" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        }

        Assert.Contains("256.25", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resend_TenAtOnce_TextsOnceAndAnswers429WithRetryAfter()
    {
        // Arrange: finding 3 — 10 resend calls sent 10 SMS at once.
        var (_, created) = await CustomerScript.PostWorkflowAsync(host.Business, CustomerScript.Seed(1));
        var id = created.GetProperty("workflowId").GetString()!;
        await _customer.TokenFromSmsAsync("+16471234567", host.LinkOf(created));

        // Act
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            host.Business.PostAsync(new Uri($"/api/linx/workflows/{id}/resend", UriKind.Relative), null)));

        // Assert
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Accepted);
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.Accepted).ToList();
        Assert.Equal(9, refused.Count);
        Assert.All(refused, a => Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode));
        Assert.All(refused, a => Assert.InRange(a.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60));
        Assert.Equal("RESEND_LIMIT_REACHED", await ErrorCodeAsync(refused[0]));
        var notifications = await Poll.UntilAsync(
            async () => await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{id}/notifications"),
            n => n.GetArrayLength() >= 2, CustomerScript.Deadline, "the resent SMS");
        Assert.Equal(["INITIAL", "MANUAL"], notifications.EnumerateArray().Select(n => n.GetProperty("origin").GetString()));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Create_NumberOfACountryTheBusinessDoesNotServe_Is422AndStoresNothing()
    {
        // Arrange: a business of its own (Canada only, the default) and a UK mobile number.
        var (_, business) = await host.CreateBusinessAsync("Maple Only Ltd");
        var body = JsonNode.Parse(CustomerScript.Seed(1))!.AsObject();
        body["parameters"]!["phoneNumber"] = "+447700900123";

        // Act
        var (refused, problem) = await CustomerScript.PostWorkflowAsync(business, body.ToJsonString());
        var (allowed, _) = await CustomerScript.PostWorkflowAsync(business, CustomerScript.Seed(1));
        var list = await business.GetFromJsonAsync<JsonElement>("/api/linx/workflows?size=100");

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(("$.parameters.phoneNumber", "PHONE_COUNTRY_NOT_ALLOWED"), (error.GetProperty("path").GetString(), error.GetProperty("errorCode").GetString()));
        Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        Assert.Equal(1, list.GetProperty("totalElements").GetInt32());
    }

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString();

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
