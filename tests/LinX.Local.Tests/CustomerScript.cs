using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LinX.Testing;

namespace LinX.Local.Tests;

/// <summary>
/// A scripted customer and business over real HTTP: posts requests, follows the SMS link, submits each step
/// through the Gateway API, and polls (with a deadline) for the orchestrator to apply it.
/// </summary>
public sealed class CustomerScript(LocalHostFixture host)
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static readonly object NewProfile = new
    {
        firstName = "Jane",
        lastName = "Roe",
        email = "jane.roe@example.com",
        dateOfBirth = "1990-04-01",
        address = new { streetLine1 = "1 Main Street", city = "Toronto", stateCode = "ON", postalCode = "M5V 2T6", countryCode = "CA" },
    };

    public static readonly object NewCard = new { cardNumber = "4111111111111111", expiry = "2031-08", nameOnCard = "Jane Roe", cvc = "123", postalCode = "M5V 2T6" };

    public static string Seed(int number) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", $"seed-{number}.json"));

    /// <summary>Posts a body as the business; returns the response and its JSON.</summary>
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostWorkflowAsync(HttpClient client, string json, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/linx/workflows") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    /// <summary>The link token from the SMS the customer received for this workflow's link.</summary>
    public async Task<string> TokenFromSmsAsync(string phoneNumber, string link)
    {
        await Poll.UntilAsync(async () => (await host.SmsToAsync(phoneNumber)).Any(m => m.GetProperty("link").GetString() == link), Deadline, "the SMS with the link");
        return TokenOf(link);
    }

    /// <summary>The token of a customer link (its last path segment).</summary>
    public static string TokenOf(string link) => link[(link.LastIndexOf('/') + 1)..];

    public async Task<JsonElement> ViewAsync(string token, HttpClient? client = null) =>
        await (client ?? host.Anonymous).GetFromJsonAsync<JsonElement>($"/api/gateway/{token}");

    /// <summary>Waits until the current step is <paramref name="stepName"/> and ACTIVE.</summary>
    public async Task<JsonElement> WaitForStepAsync(string token, string stepName, HttpClient? client = null) =>
        await Poll.UntilAsync<JsonElement?>(
            async () => await ViewAsync(token, client),
            view => CurrentStep(view!.Value) is { } step && step.GetProperty("name").GetString() == stepName && step.GetProperty("status").GetString() == "ACTIVE",
            Deadline,
            $"step {stepName} to be active") ?? default;

    /// <summary>Submits a step once it is current; asserts the 202.</summary>
    public async Task SubmitAsync(string token, string stepName, object body, HttpClient? client = null)
    {
        await WaitForStepAsync(token, stepName, client);
        using var response = await (client ?? host.Anonymous).PostAsJsonAsync($"/api/gateway/{token}/steps/{stepName}", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Completes every interactive step of a workflow with valid data, in order.</summary>
    public async Task CompleteAsync(string token, IEnumerable<string> steps, HttpClient? client = null)
    {
        foreach (var step in steps)
        {
            object body = step switch
            {
                "customer-account" => NewProfile,
                "financial-account" => NewCard,
                "move-money" => new { accept = true },
                _ => new { confirm = true },
            };
            await SubmitAsync(token, step, body, client);
        }
    }

    /// <summary>Polls the business API until the workflow has <paramref name="status"/>.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient business, string workflowId, string status) =>
        await Poll.UntilAsync<JsonElement?>(
            async () => await business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{workflowId}"),
            w => w!.Value.GetProperty("status").GetString() == status,
            Deadline,
            $"workflow {workflowId} to be {status}") ?? default;

    private static JsonElement? CurrentStep(JsonElement view)
    {
        var index = view.GetProperty("currentStep").GetInt32();
        var steps = view.GetProperty("steps");
        return index >= 0 && index < steps.GetArrayLength() ? steps[index] : null;
    }
}
