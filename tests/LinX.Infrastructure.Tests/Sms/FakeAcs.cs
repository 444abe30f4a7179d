using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LinX.Infrastructure.Tests.Sms;

/// <summary>One request as the fake received it, and what it found wrong with it (null: nothing).</summary>
internal sealed record AcsReceivedRequest(
    DateTimeOffset At, string Method, string Target, string Host, IReadOnlyDictionary<string, string> Headers, byte[] Body, string? AuthProblem)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public JsonNode Recipient => Json["smsRecipients"]![0]!;
}

/// <summary>
/// A loopback stand-in for the ACS SMS endpoint (Kestrel, HTTPS on 127.0.0.1 with a throwaway certificate). It
/// checks what ACS checks, by the documented rules and independently of the sender's code: the HMAC-SHA256
/// signature recomputed from the raw request (or a bearer token), the path and api-version, the body's shape, and
/// the repeatability fields (GUID id, RFC 1123 first-sent within 5 minutes, a repeat answered with the first result).
/// Tests can script the next answers (status, Retry-After, a per-recipient failure); unscripted requests get ACS's
/// normal answer, 202 with one item per recipient. <see cref="SmsSent"/> counts the SMS it would have delivered.
/// </summary>
internal sealed class FakeAcs : IAsyncDisposable
{
    /// <summary>A 64-byte access key, as ACS issues them.</summary>
    public const string AccessKey = "bGlueC10ZXN0LWFjY2Vzcy1rZXktb2YtdGhlLWZha2UtYWNzLXJlc291cmNlLTAxMjM0NTY3ODlhYmNkZWZnaA==";

    /// <summary>The numbers the fake's carrier cannot reach: ACS refuses them per recipient with HTTP 400.</summary>
    public const string UnreachableNumber = "+999123456789";

    private static readonly TimeSpan RepeatabilityWindow = TimeSpan.FromMinutes(5);

    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private readonly string? _accessKey;
    private readonly string? _bearerToken;
    private readonly ConcurrentQueue<Func<AcsReceivedRequest, IResult>> _script = new();
    private readonly ConcurrentDictionary<string, (string FirstSent, string Fingerprint, JsonObject Item)> _repeatability = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<AcsReceivedRequest> _requests = new();
    private int _sent;

    private FakeAcs(WebApplication app, X509Certificate2 certificate, string? accessKey, string? bearerToken)
    {
        _app = app;
        _certificate = certificate;
        _accessKey = accessKey;
        _bearerToken = bearerToken;
    }

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<AcsReceivedRequest> Requests => [.. _requests];

    public int SmsSent => Volatile.Read(ref _sent);

    /// <summary>Starts a fake that accepts HMAC requests signed with <paramref name="accessKey"/>, or bearer <paramref name="bearerToken"/>.</summary>
    public static async Task<FakeAcs> StartAsync(string? accessKey = AccessKey, string? bearerToken = null)
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var fake = new FakeAcs(app, certificate, accessKey, bearerToken);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        fake.Endpoint = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return fake;
    }

    /// <summary>A transport that trusts only this fake's certificate.</summary>
    public HttpPipelineTransport CreateTransport()
    {
        var thumbprint = _certificate.GetCertHashString();
        return new HttpClientTransport(new SocketsHttpHandler
        {
            UseProxy = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == thumbprint,
            },
        });
    }

    /// <summary>The next request (after authentication) is answered with <paramref name="status"/> and ACS's error body.</summary>
    public void Answer(int status, string? code = null, string? message = null, int? retryAfterSeconds = null) =>
        _script.Enqueue(_ => new RawResult(
            status,
            code is null ? null : new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message ?? code } }.ToJsonString(),
            retryAfterSeconds));

    /// <summary>The next request is answered 202 with a failed item (HTTP <paramref name="status"/>) for its recipient.</summary>
    public void AnswerRecipientFailure(int status, string errorMessage) =>
        _script.Enqueue(request => Accepted([Item(request.Recipient["to"]!.GetValue<string>(), null, status, errorMessage, repeatability: "accepted")]));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var host = context.Request.Headers.Host.ToString();
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var request = new AcsReceivedRequest(DateTimeOffset.UtcNow, context.Request.Method, target, host, headers, body, Authenticate(context.Request.Method, target, host, headers, body));
        _requests.Enqueue(request);

        var result = request.AuthProblem is not null ? new RawResult(401, """{"error":{"code":"Denied","message":"Denied by the resource provider."}}""", null)
            : context.Request.Method != "POST" || target != "/sms?api-version=2021-03-07" ? new RawResult(404, """{"error":{"code":"NotFound","message":"Resource not found."}}""", null)
            : _script.TryDequeue(out var scripted) ? scripted(request)
            : Send(request);
        await result.ExecuteAsync(context);
    }

    /// <summary>The documented access-key check, recomputed from the raw request; null when it holds.</summary>
    private string? Authenticate(string method, string target, string host, Dictionary<string, string> headers, byte[] body)
    {
        headers.TryGetValue("authorization", out var authorization);
        if (_accessKey is null)
        {
            return authorization == "Bearer " + _bearerToken ? null : "no valid bearer token";
        }

        if (!headers.TryGetValue("x-ms-date", out var date) || !headers.TryGetValue("x-ms-content-sha256", out var contentHash))
        {
            return "x-ms-date or x-ms-content-sha256 missing";
        }

        if (!DateTimeOffset.TryParseExact(date, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt)
            || (DateTimeOffset.UtcNow - signedAt).Duration() > TimeSpan.FromMinutes(15))
        {
            return "x-ms-date is not a current RFC 1123 date";
        }

        if (contentHash != Convert.ToBase64String(SHA256.HashData(body)))
        {
            return "x-ms-content-sha256 is not the body's hash";
        }

        using var hmac = new HMACSHA256(Convert.FromBase64String(_accessKey));
        var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{method}\n{target}\n{date};{host};{contentHash}")));
        return authorization == $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={expected}" ? null : "signature mismatch";
    }

    /// <summary>ACS's normal answer: the body checked, then one item per recipient, repeats answered from memory.</summary>
    private RawResult Send(AcsReceivedRequest request)
    {
        if (ShapeProblem(request.Body) is { } problem)
        {
            return new RawResult(400, new JsonObject { ["error"] = new JsonObject { ["code"] = "BadRequest", ["message"] = problem } }.ToJsonString(), null);
        }

        var json = request.Json;
        var items = json["smsRecipients"]!.AsArray().Select(r => Recipient(json, r!)).ToList();
        return Accepted(items);
    }

    private JsonObject Recipient(JsonNode request, JsonNode recipient)
    {
        var to = recipient["to"]!.GetValue<string>();
        var id = recipient["repeatabilityRequestId"]?.GetValue<string>();
        var firstSent = recipient["repeatabilityFirstSent"]?.GetValue<string>();
        if (id is null || !Guid.TryParseExact(id, "D", out _)
            || firstSent is null || !DateTimeOffset.TryParseExact(firstSent, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var firstSentAt))
        {
            return Item(to, null, 400, "Request sent with Invalid DateTime value for repeatability-first-sent. Expected is DateTime ,RFC1123 pattern.", "rejected");
        }

        if (DateTimeOffset.UtcNow - firstSentAt > RepeatabilityWindow)
        {
            return Item(to, null, 412, "Repeatability-First-Sent is outside the tracked duration.", "rejected");
        }

        var fingerprint = request["from"] + "\n" + to + "\n" + request["message"];
        if (_repeatability.TryGetValue(id, out var first))
        {
            return first.FirstSent == firstSent && first.Fingerprint == fingerprint
                ? (JsonObject)first.Item.DeepClone()
                : Item(to, null, 400, "The repeated request does not match the original request.", "rejected");
        }

        var item = to == UnreachableNumber
            ? Item(to, null, 400, "Invalid To phone number format.", "accepted")
            : Item(to, "Outgoing_" + Guid.NewGuid().ToString("N") + "_noam", 202, null, "accepted");
        if (item["successful"]!.GetValue<bool>())
        {
            Interlocked.Increment(ref _sent);
        }

        _repeatability.TryAdd(id, (firstSent, fingerprint, item));
        return (JsonObject)item.DeepClone();
    }

    /// <summary>The documented body: from, smsRecipients (1-100, each with to), message, smsSendOptions.enableDeliveryReport; nothing else.</summary>
    private static string? ShapeProblem(byte[] body)
    {
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return "The body is not JSON.";
        }

        string[] allowed = ["from", "smsRecipients", "message", "smsSendOptions"];
        if (json is null || json.Any(p => !allowed.Contains(p.Key)))
        {
            return "Unknown fields in the request.";
        }

        if (json["from"] is not JsonValue from || from.GetValueKind() != JsonValueKind.String
            || json["message"] is not JsonValue message || message.GetValueKind() != JsonValueKind.String
            || json["smsRecipients"] is not JsonArray { Count: >= 1 and <= 100 } recipients
            || recipients.Any(r => r is not JsonObject o || o["to"]?.GetValueKind() != JsonValueKind.String || o.Any(p => p.Key is not ("to" or "repeatabilityRequestId" or "repeatabilityFirstSent")))
            || json["smsSendOptions"] is JsonObject options && (options["enableDeliveryReport"]?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)
                || options.Any(p => p.Key is not ("enableDeliveryReport" or "tag"))))
        {
            return "The request does not have the documented shape.";
        }

        return null;
    }

    private static JsonObject Item(string to, string? messageId, int status, string? errorMessage, string repeatability)
    {
        var item = new JsonObject { ["to"] = to, ["httpStatusCode"] = status, ["successful"] = status == 202, ["repeatabilityResult"] = repeatability };
        if (messageId is not null)
        {
            item["messageId"] = messageId;
        }

        if (errorMessage is not null)
        {
            item["errorMessage"] = errorMessage;
        }

        return item;
    }

    private static RawResult Accepted(IEnumerable<JsonObject> items) =>
        new(202, new JsonObject { ["value"] = new JsonArray([.. items]) }.ToJsonString(), null);

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    private sealed class RawResult(int status, string? json, int? retryAfterSeconds) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (retryAfterSeconds is { } seconds)
            {
                httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            if (json is not null)
            {
                httpContext.Response.ContentType = "application/json";
                await httpContext.Response.WriteAsync(json);
            }
        }
    }
}
