using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinX.Infrastructure.Demo;
using LinX.Testing;

namespace LinX.Local.Tests.Documents;

/// <summary>
/// Issue 18, item 3, over real HTTP and Azurite: enhance-profile and document-acceptance walked through the Gateway API
/// for a new customer (the six slots) and then for that same customer looked up (lookup-profile, enhance-profile,
/// lookup-financial-account, document-acceptance, move-money), so every one of the eight step kinds runs; the business
/// reads the customer in RocketKOR's shape and each document's acceptance evidence back.
/// </summary>
[Collection(LocalHostTests.Name)]
public sealed class ProfileAndDocumentStepsTests(LocalHostFixture host)
{
    private readonly CustomerScript _customer = new(host);

    [Fact]
    public async Task AllEightStepKinds_NewThenLookedUpCustomer_EnhanceTheProfileAndRecordEachDocument()
    {
        // Arrange: a document of the business's own (version 1) next to the demo's e-communication consent.
        var terms = "terms-" + Guid.NewGuid().ToString("N")[..8];
        await CreateDocumentAsync(terms, "TERMS_AND_CONDITIONS", "Terms, version one.\nSecond line.");
        var phone = TestPhones.New("556");

        // Act 1: the six slots for a new customer.
        var first = await StartAsync(NewCustomerRequest(phone, terms));
        await _customer.SubmitAsync(first.Token, "customer-account", CustomerScript.NewProfile);
        var enhance = await CurrentAsync(first.Token, "enhance-profile");
        Assert.Equal(["salutation", "dateOfBirth"], Strings(enhance.GetProperty("profile").GetProperty("personalInfo")));
        Assert.Empty(enhance.GetProperty("profile").GetProperty("onFile").EnumerateArray());
        var bad = await PostStepAsync(first.Token, "enhance-profile", new
        {
            salutation = "SIR",
            dateOfBirth = "1990-04-01",
            addresses = new object[] { new { type = "MAILING", streetLine1 = "PO Box 12", cityName = "Toronto", stateCode = "ON", countryCode = "CAN", zipCode = "123" } },
            phoneNumbers = new object[] { new { type = "HOME", phoneNumber = "not a number" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(
            ["$.addresses[0].zipCode:INVALID_VALUE", "$.phoneNumbers[0].phoneNumber:INVALID_PHONE_NUMBER", "$.salutation:INVALID_VALUE"],
            ErrorsOf(bad.Body));
        await _customer.SubmitAsync(first.Token, "enhance-profile", new
        {
            salutation = "MS",
            dateOfBirth = "1990-04-02",
            addresses = new object[] { new { type = "MAILING", streetLine1 = "PO Box 12", cityName = "Toronto", stateCode = "ON", countryCode = "CAN", zipCode = "M5V 1A1" } },
            phoneNumbers = new object[] { new { type = "HOME", phoneNumber = "+14165550123" } },
        });
        await _customer.SubmitAsync(first.Token, "financial-account", CustomerScript.NewCard);
        var documents = await CurrentAsync(first.Token, "document-acceptance");
        var shown = documents.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal([DemoDocuments.ECommunicationConsentId, terms], shown.Select(d => d.GetProperty("documentId").GetString()));
        Assert.Equal("Terms, version one.\nSecond line.", shown[1].GetProperty("text").GetString());
        var partly = await PostStepAsync(first.Token, "document-acceptance", new { accepted = new[] { new { documentId = terms, version = 1 } } });
        Assert.Equal(HttpStatusCode.BadRequest, partly.Status);
        Assert.Equal(["$.accepted:DOCUMENT_NOT_ACCEPTED"], ErrorsOf(partly.Body));
        await _customer.SubmitAsync(first.Token, "document-acceptance", Accept(shown));
        await _customer.SubmitAsync(first.Token, "move-money", new { accept = true });
        var done = await CustomerScript.WaitForStatusAsync(host.Business, first.WorkflowId, "COMPLETED");

        // Assert 1: the customer in RocketKOR's shape, with what the step added; each document's evidence.
        var customerId = done.GetProperty("customerId").GetGuid();
        var accountId = done.GetProperty("financialAccountId").GetGuid();
        var customer = await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/customers/{customerId}");
        Assert.Equal(("MS", "1990-04-02"), (customer.GetProperty("salutation").GetString(), customer.GetProperty("dateOfBirth").GetString()));
        Assert.Equal(["PHYSICAL", "MAILING"], customer.GetProperty("addresses").EnumerateArray().Select(a => a.GetProperty("type").GetString()));
        Assert.Equal("CAN", customer.GetProperty("addresses")[1].GetProperty("countryCode").GetString());
        Assert.Equal(["MOBILE:" + phone, "HOME:+14165550123"], customer.GetProperty("phoneNumbers").EnumerateArray()
            .Select(p => p.GetProperty("type").GetString() + ":" + p.GetProperty("phoneNumber").GetString()));
        var evidence = await DocumentEvidenceAsync(first.WorkflowId);
        Assert.Equal([DemoDocuments.ECommunicationConsentId + ":1", terms + ":1"], evidence.Select(e => e.GetProperty("documentId").GetString() + ":" + e.GetProperty("textVersion").GetString()));
        Assert.Equal(shown[1].GetProperty("sha256").GetString(), evidence[1].GetProperty("textSha256").GetString());
        Assert.Equal("Terms, version one.\nSecond line.", evidence[1].GetProperty("text").GetString());
        Assert.All(evidence, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("ipAddress").GetString())));

        // Act 2: a new version of the terms, then the same customer looked up, with the five other slots.
        await UpdateDocumentAsync(terms, "Terms, version two.");
        var second = await StartAsync(LookupRequest(phone, customerId, accountId, terms));
        await _customer.SubmitAsync(second.Token, "lookup-profile", new { confirm = true });
        var needs = (await CurrentAsync(second.Token, "enhance-profile")).GetProperty("profile");
        var onFile = Assert.Single(needs.GetProperty("onFile").EnumerateArray());
        Assert.Equal(("MAILING", "PO Box 12"), (onFile.GetProperty("type").GetString(), onFile.GetProperty("streetLine1").GetString()));
        await _customer.SubmitAsync(second.Token, "enhance-profile", new
        {
            addresses = new object[] { new { type = "MAILING", streetLine1 = "2 Queen Street", cityName = "Toronto", stateCode = "ON", countryCode = "CA", zipCode = "M5H 2N2" } },
            phoneNumbers = new object[] { new { type = "WORK", phoneNumber = "(416) 555-0199" } },
        });
        await _customer.SubmitAsync(second.Token, "lookup-financial-account", new { confirm = true });
        var again = (await CurrentAsync(second.Token, "document-acceptance")).GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(("Terms, version two.", 2), (again[0].GetProperty("text").GetString(), again[0].GetProperty("version").GetInt32()));
        await _customer.SubmitAsync(second.Token, "document-acceptance", Accept(again));
        await _customer.SubmitAsync(second.Token, "move-money", new { accept = true });
        await CustomerScript.WaitForStatusAsync(host.Business, second.WorkflowId, "COMPLETED");

        // Assert 2: the profile updated in place; the second workflow's evidence names version 2, the first's still version 1.
        customer = await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/customers/{customerId}");
        Assert.Equal("2 Queen Street", customer.GetProperty("addresses")[1].GetProperty("streetLine1").GetString());
        Assert.Equal(["MOBILE", "HOME", "WORK"], customer.GetProperty("phoneNumbers").EnumerateArray().Select(p => p.GetProperty("type").GetString()));
        Assert.Equal("+14165550199", customer.GetProperty("phoneNumbers")[2].GetProperty("phoneNumber").GetString());
        Assert.Equal([terms + ":2"], (await DocumentEvidenceAsync(second.WorkflowId)).Select(e => e.GetProperty("documentId").GetString() + ":" + e.GetProperty("textVersion").GetString()));
        var firstTerms = (await DocumentEvidenceAsync(first.WorkflowId))[1];
        Assert.Equal(("1", "Terms, version one.\nSecond line."), (firstTerms.GetProperty("textVersion").GetString(), firstTerms.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task CreateWorkflow_DocumentTheBusinessDoesNotHave_Is422WithItsPathAndStoresNothing()
    {
        var phone = TestPhones.New("556");
        var body = NewCustomerRequest(phone, "no-such-document");

        var (response, problem) = await CustomerScript.PostWorkflowAsync(host.Business, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["$.steps[4].inputs.user.documents[1].documentId:DOCUMENT_NOT_FOUND"], ErrorsOf(problem));
        Assert.Empty(await host.SmsToAsync(phone));
    }

    private static object Accept(IEnumerable<JsonElement> documents) => new
    {
        accepted = documents.Select(d => new { documentId = d.GetProperty("documentId").GetString(), version = d.GetProperty("version").GetInt32() }).ToArray(),
    };

    private async Task<(string WorkflowId, string Token)> StartAsync(string body)
    {
        var (response, created) = await CustomerScript.PostWorkflowAsync(host.Business, body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var phone = JsonNode.Parse(body)!["parameters"]!["phoneNumber"]!.GetValue<string>();
        return (created.GetProperty("workflowId").GetString()!, await _customer.TokenFromSmsAsync(phone, host.LinkOf(created)));
    }

    private async Task<JsonElement> CurrentAsync(string token, string step)
    {
        await _customer.WaitForStepAsync(token, step);
        return (await _customer.ViewAsync(token)).GetProperty("current");
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostStepAsync(string token, string step, object body)
    {
        using var response = await host.Anonymous.PostAsJsonAsync($"/api/gateway/{token}/steps/{step}", body);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private async Task<List<JsonElement>> DocumentEvidenceAsync(string workflowId) =>
        [.. (await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{workflowId}")).GetProperty("consents").EnumerateArray()
            .Where(c => c.GetProperty("kind").GetString() == "DOCUMENT")];

    private async Task CreateDocumentAsync(string id, string group, string text)
    {
        using var response = await host.Business.PostAsJsonAsync("/api/linx/documents", new { documentId = id, documentGroup = group, title = "Terms", text });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task UpdateDocumentAsync(string id, string text)
    {
        using var response = await host.Business.PutAsJsonAsync($"/api/linx/documents/{id}", new { title = "Terms", text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string NewCustomerRequest(string phone, string documentId) => $$"""
        {
          "title": "Onboard and pay a new customer",
          "parameters": {
            "channel": "SMS", "phoneNumber": "{{phone}}", "financialAccountSubType": "DEBIT", "transactionType": "SEND",
            "solution": "push-to-card", "baFinancialAccountId": "{{DemoData.BusinessFinancialAccountId}}", "currency": "USD",
            "amount": 25.50, "priority": "IMMEDIATE", "paymentReasonId": "payment-of-rebates"
          },
          "steps": [
            { "name": "notification" },
            { "name": "customer-account" },
            { "name": "enhance-profile", "inputs": { "user": { "personalInfo": ["salutation", "dateOfBirth"], "address": ["MAILING"], "phoneNumber": ["HOME"] } } },
            { "name": "financial-account" },
            { "name": "document-acceptance", "inputs": { "user": { "documents": [
              { "documentGroup": "E_COMMUNICATION", "documentId": "{{DemoDocuments.ECommunicationConsentId}}" },
              { "documentGroup": "TERMS_AND_CONDITIONS", "documentId": "{{documentId}}" } ] } } },
            { "name": "move-money" }
          ]
        }
        """;

    private static string LookupRequest(string phone, Guid customerId, Guid accountId, string documentId) => $$"""
        {
          "title": "Pay an existing customer",
          "parameters": {
            "channel": "SMS", "phoneNumber": "{{phone}}", "customerId": "{{customerId}}", "customerFinancialAccountId": "{{accountId}}",
            "transactionType": "SEND", "solution": "push-to-card", "baFinancialAccountId": "{{DemoData.BusinessFinancialAccountId}}",
            "currency": "USD", "amount": 10, "priority": "IMMEDIATE", "paymentReasonId": "payment-of-rebates"
          },
          "steps": [
            { "name": "notification" },
            { "name": "lookup-profile" },
            { "name": "enhance-profile", "inputs": { "user": { "address": ["MAILING"], "phoneNumber": ["WORK"] } } },
            { "name": "lookup-financial-account" },
            { "name": "document-acceptance", "inputs": { "user": { "documents": [{ "documentGroup": "TERMS_AND_CONDITIONS", "documentId": "{{documentId}}" }] } } },
            { "name": "move-money" }
          ]
        }
        """;

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static string[] ErrorsOf(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("path").GetString()}:{e.GetProperty("errorCode").GetString()}").Order(StringComparer.Ordinal)];
}
