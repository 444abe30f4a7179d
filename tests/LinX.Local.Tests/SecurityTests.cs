using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace LinX.Local.Tests;

[Collection(LocalHostTests.Name)]
public sealed class SecurityTests(LocalHostFixture host)
{
    private readonly CustomerScript _customer = new(host);

    public static TheoryData<string, string> BusinessRoutes => new()
    {
        { "POST", "/api/linx/workflows" },
        { "GET", "/api/linx/workflows" },
        { "GET", "/api/linx/workflows/{id}" },
        { "POST", "/api/linx/workflows/{id}/cancel" },
        { "POST", "/api/linx/workflows/{id}/resend" },
        { "POST", "/api/linx/workflows/{id}/extend" },
        { "GET", "/api/linx/workflows/{id}/notifications" },
        { "GET", "/api/linx/payment-reasons" },
        { "GET", "/api/linx/customers/{id}" },
        { "GET", "/api/linx/financial-accounts/{id}" },
        { "GET", "/api/linx/transactions/{id}" },
        { "GET", "/runtime/webhooks/durabletask/instances/{id}" },
    };

    [Theory]
    [MemberData(nameof(BusinessRoutes))]
    public async Task BusinessRoute_MissingOrWrongApiKey_Is401(string method, string route)
    {
        var path = route.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        using var wrong = host.NewClient("linx_not-a-real-key");

        using var missing = await host.Anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("{}") });
        using var bad = await wrong.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("{}") });

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Contains("Bearer", missing.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherTenantsWorkflow_OnEveryRoute_Is404AndUnchanged()
    {
        // Arrange: the demo business owns a workflow; another business tries everything on it.
        var (_, created) = await CustomerScript.PostWorkflowAsync(host.Business, CustomerScript.Seed(1));
        var id = created.GetProperty("workflowId").GetString()!;
        var (_, intruder) = await host.CreateBusinessAsync("Intruder Inc");
        var instance = $"/runtime/webhooks/durabletask/instances/{id}";
        var attempts = new (HttpMethod Method, string Path, string? Body)[]
        {
            (HttpMethod.Get, $"/api/linx/workflows/{id}", null),
            (HttpMethod.Post, $"/api/linx/workflows/{id}/cancel", null),
            (HttpMethod.Post, $"/api/linx/workflows/{id}/resend", null),
            (HttpMethod.Post, $"/api/linx/workflows/{id}/extend", """{ "hours": 5 }"""),
            (HttpMethod.Get, $"/api/linx/workflows/{id}/notifications", null),
            (HttpMethod.Get, instance, null),
            (HttpMethod.Post, $"{instance}/raiseEvent/WorkflowEvent", """{ "kind": "Cancel" }"""),
            (HttpMethod.Post, $"{instance}/terminate", null),
            (HttpMethod.Delete, instance, null),
        };

        // Act
        var statuses = new List<HttpStatusCode>();
        foreach (var (method, path, body) in attempts)
        {
            using var response = await intruder.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : Json(body) });
            statuses.Add(response.StatusCode);
        }

        var search = await intruder.GetFromJsonAsync<JsonElement>("/api/linx/workflows?size=100");

        // Assert: 404 everywhere, invisible in search, and the owner's workflow is still open.
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.DoesNotContain(search.GetProperty("content").EnumerateArray(), w => w.GetProperty("id").GetString() == id);
        var owned = await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{id}");
        Assert.Contains(owned.GetProperty("status").GetString(), new[] { "CREATED", "ACTIVE" });
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-token")]
    [InlineData("%2e%2e%2f%2e%2e%2fetc")]
    public async Task Gateway_GuessedToken_Is404OnEveryRoute(string token)
    {
        using var view = await host.Anonymous.GetAsync($"/api/gateway/{token}");
        using var submit = await host.Anonymous.PostAsync($"/api/gateway/{token}/steps/customer-account", Json("{}"));
        using var decline = await host.Anonymous.PostAsync($"/api/gateway/{token}/decline", Json("""{ "reason": "OTHER" }"""));
        using var passcode = await host.Anonymous.PostAsync($"/api/gateway/{token}/passcode", Json("""{ "passcode": "123456" }"""));

        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, submit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, decline.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, passcode.StatusCode);
    }

    [Fact]
    public async Task Gateway_LinkOfFinishedWorkflow_ReplayedSubmissionIs409()
    {
        // Arrange: a workflow the customer completes.
        var (_, created) = await CustomerScript.PostWorkflowAsync(host.Business, CustomerScript.Seed(1));
        var id = created.GetProperty("workflowId").GetString()!;
        var token = await _customer.TokenFromSmsAsync("+16471234567", host.LinkOf(created));
        await _customer.CompleteAsync(token, ["customer-account"]);
        await CustomerScript.WaitForStatusAsync(host.Business, id, "COMPLETED");

        // Act: the same link, the same submission, again.
        using var replay = await host.Anonymous.PostAsJsonAsync($"/api/gateway/{token}/steps/customer-account", CustomerScript.NewProfile);

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        var workflow = await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{id}");
        Assert.Equal("COMPLETED", workflow.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Passcode_FiveWrongTries_LocksTheLinkEvenForTheRightCode()
    {
        // Arrange
        var body = CustomerScript.Seed(1).Replace("\"expireIn\": \"2\",", "\"expireIn\": \"2\",\n\"passcode\": true,", StringComparison.Ordinal);
        var (response, created) = await CustomerScript.PostWorkflowAsync(host.Business, body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var passcode = created.GetProperty("passcode").GetString()!;
        var wrong = passcode == "000000" ? "111111" : "000000";
        var token = host.LinkOf(created).Split('/')[^1];
        using var customer = host.NewClient(null);

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var tryWrong = await customer.PostAsJsonAsync($"/api/gateway/{token}/passcode", new { passcode = wrong });
            statuses.Add(tryWrong.StatusCode);
        }

        using var right = await customer.PostAsJsonAsync($"/api/gateway/{token}/passcode", new { passcode });
        var view = await customer.GetFromJsonAsync<JsonElement>($"/api/gateway/{token}");

        // Assert
        Assert.Matches("^[0-9]{6}$", passcode);
        Assert.All(statuses.Take(4), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Contains(statuses[4], new[] { HttpStatusCode.BadRequest, HttpStatusCode.Locked });
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
        Assert.True(view.GetProperty("locked").GetBoolean());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("current").ValueKind);
    }

    [Fact]
    public async Task Passcode_RightCode_SetsHttpOnlyStrictCookieAndUnlocksTheView()
    {
        var body = CustomerScript.Seed(1).Replace("\"expireIn\": \"2\",", "\"expireIn\": \"2\",\n\"passcode\": true,", StringComparison.Ordinal);
        var (_, created) = await CustomerScript.PostWorkflowAsync(host.Business, body);
        var token = host.LinkOf(created).Split('/')[^1];
        using var customer = host.NewClient(null);
        var before = await customer.GetFromJsonAsync<JsonElement>($"/api/gateway/{token}");

        using var response = await customer.PostAsJsonAsync($"/api/gateway/{token}/passcode", new { passcode = created.GetProperty("passcode").GetString() });
        var after = await customer.GetFromJsonAsync<JsonElement>($"/api/gateway/{token}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.False(before.GetProperty("passcodeVerified").GetBoolean());
        Assert.True(after.GetProperty("passcodeVerified").GetBoolean());
    }

    [Fact]
    public async Task Passcode_ForgedCookie_IsNotVerifiedAndCannotSubmit()
    {
        var body = CustomerScript.Seed(1).Replace("\"expireIn\": \"2\",", "\"expireIn\": \"2\",\n\"passcode\": true,", StringComparison.Ordinal);
        var (_, created) = await CustomerScript.PostWorkflowAsync(host.Business, body);
        var token = host.LinkOf(created).Split('/')[^1];
        using var forged = new HttpRequestMessage(HttpMethod.Get, $"/api/gateway/{token}");
        forged.Headers.Add("Cookie", "linx_passcode=forged-proof");
        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/gateway/{token}/steps/customer-account")
        {
            Content = JsonContent.Create(CustomerScript.NewProfile),
        };
        submit.Headers.Add("Cookie", "linx_passcode=forged-proof");

        // A client that sends the Cookie header as written (no cookie container).
        using var attacker = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(host.BaseUrl) };

        using var viewResponse = await attacker.SendAsync(forged);
        var view = await viewResponse.Content.ReadFromJsonAsync<JsonElement>();
        using var submitted = await attacker.SendAsync(submit);

        Assert.False(view.GetProperty("passcodeVerified").GetBoolean());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("current").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, submitted.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/linx/no-such-route", 404, "NOT_FOUND")]
    [InlineData("GET", "/no/such/page", 404, "NOT_FOUND")]
    [InlineData("DELETE", "/api/linx/workflows", 405, "METHOD_NOT_ALLOWED")]
    public async Task UnknownRouteOrWrongMethod_IsProblemDetailsWithErrorCode(string method, string path, int status, string errorCode)
    {
        using var response = await host.Business.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((status, errorCode), (problem.GetProperty("status").GetInt32(), problem.GetProperty("errorCode").GetString()));
        Assert.StartsWith("https://www.rfc-editor.org/", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
