using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LinX.Local.Tests.Gateway;

/// <summary>A workflow the business posted for a browser test: its id, SMS link and (when asked) passcode.</summary>
public sealed record GatewayScenario(string WorkflowId, string Link, string? Passcode)
{
    public string Token => Link[(Link.LastIndexOf('/') + 1)..];

    /// <summary>Posts a seed example as the business, optionally edited (a passcode, a shorter expiry).</summary>
    public static async Task<GatewayScenario> PostSeedAsync(GatewayHostFixture host, int seed, Action<JsonObject>? edit = null)
    {
        var body = JsonNode.Parse(CustomerScript.Seed(seed))!.AsObject();
        edit?.Invoke(body);
        var (response, created) = await CustomerScript.PostWorkflowAsync(host.Business, body.ToJsonString(), $"gw-{seed}-{Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return new GatewayScenario(
            created.GetProperty("workflowId").GetString()!,
            host.LinkOf(created),
            created.TryGetProperty("passcode", out var passcode) && passcode.ValueKind == JsonValueKind.String ? passcode.GetString() : null);
    }

    /// <summary>The workflow as the business sees it, once it has <paramref name="status"/>.</summary>
    public Task<JsonElement> WaitForStatusAsync(GatewayHostFixture host, string status) =>
        CustomerScript.WaitForStatusAsync(host.Business, WorkflowId, status);

    /// <summary>The Gateway API's view of this link, as an anonymous client (no passcode cookie).</summary>
    public async Task<JsonElement> GatewayViewAsync(GatewayHostFixture host)
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        return await client.GetFromJsonAsync<JsonElement>($"/api/gateway/{Token}");
    }

    /// <summary>
    /// The customer's name as the Gateway view's profile step data has it (the page shows it on its last page), or null
    /// while the server sends no name there.
    /// </summary>
    public async Task<string?> CustomerNameAsync(GatewayHostFixture host)
    {
        foreach (var step in (await GatewayViewAsync(host)).GetProperty("steps").EnumerateArray())
        {
            if (step.GetProperty("name").GetString() is "customer-account" or "lookup-profile"
                && step.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("firstName", out var first))
            {
                return data.TryGetProperty("lastName", out var last) ? $"{first.GetString()} {last.GetString()}" : first.GetString();
            }
        }

        return null;
    }
}
