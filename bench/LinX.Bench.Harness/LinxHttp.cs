using LinX.Core.Security;
using Microsoft.Extensions.Options;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace LinX.Bench.Harness;

/// <summary>The answer to a create: status, the new workflow's id and link token (null when rejected), and the body.</summary>
public sealed record CreateResult(HttpStatusCode Status, string? WorkflowId, string? Token, JsonElement Body);

/// <summary>
/// The business API (demo API key) and the customer's Gateway API over HTTP, with no assertions: callers decide
/// what an answer means. Transport failures (a killed host) surface as <see cref="HttpRequestException"/>.
/// </summary>
public sealed class LinxHttp : IDisposable
{
    private readonly LinXCrypto _crypto;

    /// <param name="baseUrl">The host's base URL.</param>
    /// <param name="apiKey">The demo business's API key.</param>
    /// <param name="security">The host's <c>LinX:Security</c> keys: the link LinX texts is made from the workflow id with them.</param>
    public LinxHttp(string baseUrl, string apiKey, LinXSecurityOptions security)
    {
        _crypto = new LinXCrypto(Options.Create(security));
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1), UseCookies = false };
        Business = new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        Business.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        Customer = new HttpClient(new SocketsHttpHandler { UseCookies = false }, disposeHandler: true) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Authenticated as the demo business.</summary>
    public HttpClient Business { get; }

    /// <summary>Anonymous: the customer's browser (no passcode cookie: the scripts use workflows without one).</summary>
    public HttpClient Customer { get; }

    public async Task<CreateResult> CreateAsync(string json, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/linx/workflows") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await Business.SendAsync(request, cancellationToken);
        var body = await ReadJsonAsync(response, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return new CreateResult(response.StatusCode, null, null, body);
        }

        var workflowId = body.GetProperty("workflowId").GetString()!;
        return new CreateResult(response.StatusCode, workflowId, _crypto.LinkToken(Guid.Parse(workflowId)), body);
    }

    /// <summary>The Gateway view of a link, or null when the answer is not 200.</summary>
    public async Task<JsonElement?> ViewAsync(string token, CancellationToken cancellationToken = default)
    {
        using var response = await Customer.GetAsync(new Uri($"/api/gateway/{token}", UriKind.Relative), cancellationToken);
        return response.StatusCode == HttpStatusCode.OK ? await ReadJsonAsync(response, cancellationToken) : null;
    }

    /// <summary>Posts a step submission (or <c>decline</c> when <paramref name="stepName"/> is null); returns the status code.</summary>
    public async Task<HttpStatusCode> SubmitAsync(string token, string? stepName, object body, CancellationToken cancellationToken = default)
    {
        var path = stepName is null ? $"/api/gateway/{token}/decline" : $"/api/gateway/{token}/steps/{stepName}";
        using var response = await Customer.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, cancellationToken);
        return response.StatusCode;
    }

    /// <summary>The business's detail of a workflow.</summary>
    public async Task<JsonElement> WorkflowAsync(string workflowId, CancellationToken cancellationToken = default) =>
        await Business.GetFromJsonAsync<JsonElement>(new Uri($"/api/linx/workflows/{workflowId}", UriKind.Relative), cancellationToken);

    /// <summary>The SMS history of a workflow (the notification history API).</summary>
    public async Task<JsonElement> NotificationsAsync(string workflowId, CancellationToken cancellationToken = default) =>
        await Business.GetFromJsonAsync<JsonElement>(new Uri($"/api/linx/workflows/{workflowId}/notifications", UriKind.Relative), cancellationToken);

    /// <summary>Posts a business command (<c>cancel</c>, <c>resend</c>); returns the status code.</summary>
    public async Task<HttpStatusCode> CommandAsync(string workflowId, string command, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await Business.PostAsync(new Uri($"/api/linx/workflows/{workflowId}/{command}", UriKind.Relative), content, cancellationToken);
        return response.StatusCode;
    }

    public void Dispose()
    {
        Business.Dispose();
        Customer.Dispose();
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (text.Length == 0)
        {
            return default;
        }

        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
