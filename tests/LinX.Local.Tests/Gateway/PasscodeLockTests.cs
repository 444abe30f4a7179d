using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinX.Core;
using LinX.Core.Webhooks;
using LinX.Local.Tests.Webhooks;
using LinX.Testing;

namespace LinX.Local.Tests.Gateway;

/// <summary>
/// Issue 17 item 4: a link locked by wrong passcodes is locked for the business too (read, search, a webhook), refuses
/// resend, and a new passcode from the business unlocks it. Real HTTP on the local host, real Azurite, the dev SMS inbox.
/// </summary>
[Collection(LocalHostTests.Name)]
public sealed class PasscodeLockTests(LocalHostFixture host) : IAsyncLifetime
{
    private readonly CustomerScript _customer = new(host);
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task FiveWrongPasscodes_LockForTheBusiness_ResendIsRefusedUntilANewPasscodeUnlocks()
    {
        // Arrange: a business of its own, subscribed to the lock event, with a passcode workflow the customer was texted.
        var (_, business) = await host.CreateBusinessAsync("Passcode Lock");
        await WebhookDeliveryTests.SubscribeAsync(business, _receiver.Url("locked"), [WebhookEventTypes.WorkflowLocked]);
        var phone = TestPhones.New("555");
        var title = "Lock " + Guid.NewGuid().ToString("N");
        var (workflowId, link, oldPasscode) = await CreateAsync(business, phone, title, passcode: true);
        var token = await _customer.TokenFromSmsAsync(phone, link);
        var wrong = oldPasscode == "000000" ? "111111" : "000000";

        // Act: five wrong passcodes.
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var tried = await host.Anonymous.PostAsJsonAsync($"/api/gateway/{token}/passcode", new { passcode = wrong });
            statuses.Add(tried.StatusCode);
        }

        var locked = await business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{workflowId}");
        var found = await business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows?search={workflowId}");
        var lockEvent = await Poll.UntilAsync(
            () => Task.FromResult<ReceivedWebhook?>(_receiver.For("locked").FirstOrDefault(r => r.Data.GetProperty("workflowId").GetString() == workflowId)),
            r => r is not null,
            CustomerScript.Deadline,
            "the workflow-locked webhook");
        using var refused = await business.PostAsync($"/api/linx/workflows/{workflowId}/resend", null);
        var refusedProblem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var smsWhileLocked = (await host.SmsToAsync(phone)).Count;

        // Assert: locked for both sides, still ACTIVE; one lock event; resend refused and nothing texted.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 4), (HttpStatusCode)423], statuses);
        Assert.Equal("ACTIVE", locked.GetProperty("status").GetString());
        Assert.True(locked.GetProperty("locked").GetBoolean());
        Assert.Equal(JsonValueKind.String, locked.GetProperty("lockedAt").ValueKind);
        Assert.True(found.GetProperty("content")[0].GetProperty("locked").GetBoolean());
        Assert.True(lockEvent!.Data.GetProperty("locked").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(ServiceErrorCodes.WorkflowLocked, refusedProblem.GetProperty("errorCode").GetString());
        Assert.Equal(1, smsWhileLocked);

        // Act: the business sets a new passcode and texts the link again.
        using var replaced = await business.PostAsync($"/api/linx/workflows/{workflowId}/new-passcode", null);
        var newPasscode = (await replaced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("passcode").GetString()!;
        var unlocked = await business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{workflowId}");
        using var resent = await business.PostAsync($"/api/linx/workflows/{workflowId}/resend", null);
        await Poll.UntilAsync(async () => (await host.SmsToAsync(phone)).Count == 2, CustomerScript.Deadline, "the resent SMS");
        using var oldTry = await host.Anonymous.PostAsJsonAsync($"/api/gateway/{token}/passcode", new { passcode = oldPasscode });
        using var customer = host.NewClient(null);
        using var newTry = await customer.PostAsJsonAsync($"/api/gateway/{token}/passcode", new { passcode = newPasscode });
        var view = await _customer.ViewAsync(token, customer);

        // Assert: unlocked with a new 6-digit passcode; resend texts again; only the new passcode opens the page.
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Matches("^[0-9]{6}$", newPasscode);
        Assert.False(unlocked.GetProperty("locked").GetBoolean());
        Assert.Equal(JsonValueKind.Null, unlocked.GetProperty("lockedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        Assert.Equal(newPasscode == oldPasscode ? HttpStatusCode.NoContent : HttpStatusCode.BadRequest, oldTry.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, newTry.StatusCode);
        Assert.True(view.GetProperty("passcodeVerified").GetBoolean());
        Assert.False(view.GetProperty("locked").GetBoolean());
    }

    [Fact]
    public async Task NewPasscode_AnotherBusinessesWorkflow_IsNotFoundAndChangesNothing()
    {
        // Arrange
        var phone = TestPhones.New("555");
        var (workflowId, link, passcode) = await CreateAsync(host.Business, phone, "Lock tenant", passcode: true);
        var token = await _customer.TokenFromSmsAsync(phone, link);
        var (_, other) = await host.CreateBusinessAsync("Another Business");

        // Act
        using var response = await other.PostAsync($"/api/linx/workflows/{workflowId}/new-passcode", null);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        using var customer = host.NewClient(null);
        using var stillOpens = await customer.PostAsJsonAsync($"/api/gateway/{token}/passcode", new { passcode });

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ServiceErrorCodes.NotFound, problem.GetProperty("errorCode").GetString());
        Assert.Equal(HttpStatusCode.NoContent, stillOpens.StatusCode);
    }

    [Fact]
    public async Task NewPasscode_EndsTheAccessOfWhoeverEnteredTheOldOne()
    {
        // Arrange: a browser that entered the passcode (it holds the proof cookie) and sees the page.
        var phone = TestPhones.New("555");
        var (workflowId, link, passcode) = await CreateAsync(host.Business, phone, "Lock proof", passcode: true);
        var token = await _customer.TokenFromSmsAsync(phone, link);
        using var browser = host.NewClient(null);
        using var entered = await browser.PostAsJsonAsync($"/api/gateway/{token}/passcode", new { passcode });
        var before = await _customer.ViewAsync(token, browser);

        // Act: the business replaces the passcode (say the old one leaked).
        using var replaced = await host.Business.PostAsync($"/api/linx/workflows/{workflowId}/new-passcode", null);
        var after = await _customer.ViewAsync(token, browser);

        // Assert: the old proof no longer opens the page.
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.OK), (entered.StatusCode, replaced.StatusCode));
        Assert.True(before.GetProperty("passcodeVerified").GetBoolean());
        Assert.False(after.GetProperty("passcodeVerified").GetBoolean());
    }

    [Fact]
    public async Task NewPasscode_WorkflowWithoutPasscode_IsAConflict()
    {
        // Arrange
        var (workflowId, _, _) = await CreateAsync(host.Business, TestPhones.New("555"), "No passcode", passcode: false);

        // Act
        using var response = await host.Business.PostAsync($"/api/linx/workflows/{workflowId}/new-passcode", null);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ServiceErrorCodes.PasscodeNotUsed, problem.GetProperty("errorCode").GetString());
    }

    // A seed-1 workflow (create a customer) texted to the phone: its id, link and passcode (null without one).
    private async Task<(string WorkflowId, string Link, string? Passcode)> CreateAsync(HttpClient business, string phone, string title, bool passcode)
    {
        var body = JsonNode.Parse(CustomerScript.Seed(1))!.AsObject();
        body["parameters"]!["phoneNumber"] = phone;
        body["title"] = title;
        if (passcode)
        {
            body["passcode"] = true;
        }

        var (response, created) = await CustomerScript.PostWorkflowAsync(business, body.ToJsonString());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var code = created.TryGetProperty("passcode", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        return (created.GetProperty("workflowId").GetString()!, host.LinkOf(created), code);
    }
}
