using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LinX.Local.Tests.Webhooks;

/// <summary>One request as the receiver got it: the raw body, the signature header and the parsed envelope.</summary>
public sealed record ReceivedWebhook(string Path, string Body, string? Signature, string EventId, string Type, JsonElement Data, int AnsweredWith);

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (free port): a tiny Kestrel app that records every POST and answers as scripted
/// per path (by default 200). The script sees how many times this event id was received before.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentDictionary<string, Func<int, int>> _scripts = new();

    private WebhookReceiver(WebApplication app)
    {
        _app = app;
    }

    public string BaseUrl { get; private set; } = string.Empty;

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/{name}", receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return receiver;
    }

    /// <summary>The URL of a path of this receiver, answering <paramref name="script"/>(earlier receipts of the event).</summary>
    public string Url(string name, Func<int, int>? script = null)
    {
        _scripts[name] = script ?? (_ => StatusCodes.Status200OK);
        return $"{BaseUrl}/hooks/{name}";
    }

    /// <summary>Changes how a path answers from now on.</summary>
    public void Script(string name, Func<int, int> script) => _scripts[name] = script;

    public IReadOnlyList<ReceivedWebhook> For(string name) => [.. _received.Where(r => r.Path == name)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext http, string name)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var envelope = JsonDocument.Parse(body).RootElement.Clone();
        var eventId = envelope.GetProperty("id").GetString()!;
        var before = _received.Count(r => r.Path == name && r.EventId == eventId);
        var status = _scripts.TryGetValue(name, out var script) ? script(before) : StatusCodes.Status404NotFound;
        _received.Enqueue(new ReceivedWebhook(
            name, body, http.Request.Headers["LinX-Signature"].ToString(), eventId, envelope.GetProperty("type").GetString()!, envelope.GetProperty("data"), status));
        return Results.StatusCode(status);
    }
}
