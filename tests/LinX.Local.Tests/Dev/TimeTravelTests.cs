using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LinX.Core;
using LinX.Testing;

namespace LinX.Local.Tests.Dev;

/// <summary>
/// Local time travel end to end on the real host in Development: <c>POST /dev/workflows/{id}/remind-now</c> and
/// <c>expire-now</c> with the business API key, through the orchestrator, seen in the dev inbox, the notification history,
/// the business API and the Gateway.
/// </summary>
[Collection(TimeTravelHostTests.Name)]
public sealed class TimeTravelTests(TimeTravelHostFixture host)
{
    [Fact]
    public async Task RemindNow_OpenWorkflow_SendsReminderSeenInInboxAndHistory()
    {
        // Arrange: a workflow whose first SMS went out (its customer-account step waits).
        var workflowId = await DevInbox.CreateWorkflowAsync(host, host.Business);

        // Act
        using var response = await host.Business.PostAsync($"/dev/workflows/{workflowId}/remind-now", null);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var messages = await DevInbox.WaitForAsync(host.Anonymous, workflowId, 2);
        Assert.StartsWith("Reminder from ", messages[0].GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(host.LinkOf(Created(workflowId)), messages[0].GetProperty("link").GetString());
        var history = await host.Business.GetFromJsonAsync<JsonElement[]>($"/api/linx/workflows/{workflowId}/notifications");
        Assert.Equal(["INITIAL", "REMINDER"], history!.Select(n => n.GetProperty("origin").GetString()));
        var workflow = await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{workflowId}");
        Assert.Equal("ACTIVE", workflow.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ExpireNow_OpenWorkflow_EndsExpiredWithExpirySmsAndExpiredStep()
    {
        // Arrange
        var workflowId = await DevInbox.CreateWorkflowAsync(host, host.Business);
        var token = CustomerScript.TokenOf(host.LinkOf(Created(workflowId)));

        // Act
        using var response = await host.Business.PostAsync($"/dev/workflows/{workflowId}/expire-now", null);
        var workflow = await CustomerScript.WaitForStatusAsync(host.Business, workflowId, "EXPIRED");

        // Assert: the row, the expiry SMS, the history, the Gateway; and the workflow is no longer open to time travel.
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(["COMPLETED", "EXPIRED"], workflow.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        var messages = await DevInbox.WaitForAsync(host.Anonymous, workflowId, 2);
        Assert.EndsWith("has expired; no action is needed. Reply STOP to opt out.", messages[0].GetProperty("body").GetString(), StringComparison.Ordinal);
        var history = await host.Business.GetFromJsonAsync<JsonElement[]>($"/api/linx/workflows/{workflowId}/notifications");
        Assert.Equal(["INITIAL", "EXPIRY"], history!.Select(n => n.GetProperty("origin").GetString()));
        var view = await new CustomerScript(host).ViewAsync(token);
        Assert.Equal(("EXPIRED", "EXPIRED"), (view.GetProperty("status").GetString(), view.GetProperty("steps")[1].GetProperty("status").GetString()));
        using var again = await host.Business.PostAsync($"/dev/workflows/{workflowId}/remind-now", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(ServiceErrorCodes.WorkflowNotActive, await ErrorCodeAsync(again));
    }

    [Theory]
    [InlineData("remind-now")]
    [InlineData("expire-now")]
    public async Task TimeTravel_AnotherBusinessesWorkflowOrNoKey_Is404Or401AndChangesNothing(string travel)
    {
        // Arrange
        var workflowId = await DevInbox.CreateWorkflowAsync(host, host.Business);
        var (_, other) = await host.CreateBusinessAsync("Time Travel Tenant " + travel);

        // Act
        using var otherTenant = await other.PostAsync($"/dev/workflows/{workflowId}/{travel}", null);
        using var unknown = await other.PostAsync($"/dev/workflows/{Guid.NewGuid()}/{travel}", null);
        using var anonymous = await host.Anonymous.PostAsync($"/dev/workflows/{workflowId}/{travel}", null);

        // Assert: and the workflow is still open, with only its first SMS (a resend after the refusals is the barrier).
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized), (otherTenant.StatusCode, unknown.StatusCode, anonymous.StatusCode));
        using var resend = await host.Business.PostAsync($"/api/linx/workflows/{workflowId}/resend", null);
        Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
        var messages = await DevInbox.WaitForAsync(host.Anonymous, workflowId, 2);
        var history = await host.Business.GetFromJsonAsync<JsonElement[]>($"/api/linx/workflows/{workflowId}/notifications");
        Assert.Equal(["INITIAL", "MANUAL"], history!.Select(n => n.GetProperty("origin").GetString()));
        Assert.Equal(2, messages.Count);
        Assert.Equal("ACTIVE", (await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{workflowId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task InboxPage_WithTimeTravel_ShowsWorkflowIdAndButtonsUnderAStrictPolicy()
    {
        // Arrange
        var workflowId = await DevInbox.CreateWorkflowAsync(host, host.Business);

        // Act
        using var response = await host.Anonymous.GetAsync("/dev/sms");
        var html = await response.Content.ReadAsStringAsync();

        // Assert: the id as text, both buttons for it, and a policy that runs only the page's own (nonced) script.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($" · workflow {workflowId}</p>", html, StringComparison.Ordinal);
        Assert.Contains($"data-travel=\"remind-now\" data-workflow=\"{workflowId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-travel=\"expire-now\" data-workflow=\"{workflowId}\"", html, StringComparison.Ordinal);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var nonce = policy.Split("'nonce-")[1].Split('\'')[0];
        Assert.Contains($"<script nonce=\"{nonce}\">", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }

    /// <summary>A create answer as <see cref="LocalHostFixture.LinkOf"/> reads it.</summary>
    private static JsonElement Created(string workflowId) => JsonSerializer.SerializeToElement(new { workflowId });

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("errorCode").GetString();
}
