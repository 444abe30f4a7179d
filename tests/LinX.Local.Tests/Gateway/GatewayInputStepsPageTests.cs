using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinX.Infrastructure.Demo;
using static Microsoft.Playwright.Assertions;

namespace LinX.Local.Tests.Gateway;

/// <summary>
/// Issue 18, item 3, in a real browser: the six slots (notification, customer-account, enhance-profile,
/// financial-account, document-acceptance, move-money) completed by clicking, with the errors of each new step shown
/// next to their fields; every screenshot is checked by axe-core.
/// </summary>
[Collection(GatewayTests.Name)]
public sealed class GatewayInputStepsPageTests(GatewayHostFixture host, BrowserFixture browser)
{
    [Fact]
    public async Task Page_SixSlotRequest_CompletedByClicking_EnhancedProfileAndEachDocumentAccepted()
    {
        // Arrange: seed 3 (a new customer's rebate to a new card) with enhance-profile and document-acceptance in their slots.
        var scenario = await GatewayScenario.PostSeedAsync(host, 3, body =>
        {
            var steps = body["steps"]!.AsArray();
            steps.Insert(2, JsonNode.Parse("""{ "name": "enhance-profile", "inputs": { "user": { "personalInfo": ["salutation"], "address": ["MAILING"], "phoneNumber": ["HOME"] } } }"""));
            steps.Insert(4, JsonNode.Parse($$"""
                { "name": "document-acceptance", "inputs": { "user": { "documents": [
                  { "documentGroup": "E_COMMUNICATION", "documentId": "{{DemoDocuments.ECommunicationConsentId}}" },
                  { "documentGroup": "PRIVACY_POLICY", "documentId": "{{DemoDocuments.PrivacyPolicyId}}" } ] } } }
                """));
        });
        await using var customer = await GatewayCustomer.StartAsync(browser, "six-slots");
        await customer.OpenFromInboxAsync(host.BaseUrl, scenario.Link);

        // Act: the profile, then the new steps with a wrong entry first.
        await customer.ExpectPanelAsync("Create your profile");
        await Expect(customer.Page.Locator("#progress-label")).ToContainTextAsync("Step 1 of 5");
        await customer.FillProfileAsync();
        await customer.ClickAsync("Create profile");

        await customer.ExpectPanelAsync("Complete your profile");
        await Expect(customer.Panel.GetByLabel("Date of birth")).ToHaveCountAsync(0); // not asked
        await customer.ScreenshotAsync("enhance-profile");
        await customer.SelectAsync("Title", "MS");
        await customer.SelectAsync("Country", "CAN");
        await customer.FillAsync("Street address", "PO Box 12");
        await customer.FillAsync("City", "Toronto");
        await customer.SelectAsync("State or province", "ON");
        await customer.FillAsync("ZIP or postal code", "123");
        await customer.FillAsync("Home phone", "12");
        await customer.ClickAsync("Save and continue");
        await customer.ExpectFieldErrorAsync("ZIP or postal code", "ZIP or postal code is not valid.");
        await customer.ExpectFieldErrorAsync("Home phone", "Enter a phone number with its area code.");
        await customer.ScreenshotAsync("enhance-profile-errors");
        await customer.FillAsync("ZIP or postal code", "M5V 1A1");
        await customer.FillAsync("Home phone", "416 555 0123");
        await customer.ClickAsync("Save and continue");

        await customer.ExpectPanelAsync("Add your debit card");
        await customer.FillCardAsync("4111111111111111");
        await customer.ClickAsync("Add card");

        await customer.ExpectPanelAsync("Read and accept");
        var consent = customer.Panel.GetByRole(Microsoft.Playwright.AriaRole.Region, new() { Name = "Consent to electronic communications" });
        await Expect(consent).ToContainTextAsync("You can ask for a paper copy of any notice");
        await Expect(customer.Panel.Locator(".document-text b, .document-text script")).ToHaveCountAsync(0); // text, never markup
        await customer.ScreenshotAsync("documents");
        await customer.ClickAsync("Continue");
        await customer.ExpectFieldErrorAsync("I have read and accept the Privacy policy.", "Read and accept this document to continue.");
        await customer.ScreenshotAsync("documents-errors");
        await customer.Field("I have read and accept the Consent to electronic communications.").CheckAsync();
        await customer.Field("I have read and accept the Privacy policy.").CheckAsync();
        await customer.ClickAsync("Continue");

        await customer.ExpectPanelAsync("Review and accept");
        await customer.ClickAsync("Accept payment");
        await customer.ExpectPanelAsync("All done");
        await customer.ScreenshotAsync("done");

        // Assert: the business reads the enhanced customer and both documents' evidence.
        var workflow = await scenario.WaitForStatusAsync(host, "COMPLETED");
        var record = await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/customers/{workflow.GetProperty("customerId").GetString()}");
        Assert.Equal("MS", record.GetProperty("salutation").GetString());
        Assert.Equal(["PHYSICAL", "MAILING"], record.GetProperty("addresses").EnumerateArray().Select(a => a.GetProperty("type").GetString()));
        Assert.Contains(record.GetProperty("phoneNumbers").EnumerateArray(), p => p.GetProperty("phoneNumber").GetString() == "+14165550123");
        var details = await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{scenario.WorkflowId}");
        Assert.Equal(
            [DemoDocuments.ECommunicationConsentId, DemoDocuments.PrivacyPolicyId],
            details.GetProperty("consents").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "DOCUMENT").Select(c => c.GetProperty("documentId").GetString()).Order(StringComparer.Ordinal));
    }
}
