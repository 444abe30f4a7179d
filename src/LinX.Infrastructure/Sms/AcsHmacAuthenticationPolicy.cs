using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace LinX.Infrastructure.Sms;

/// <summary>
/// Signs each try with the resource's access key, as ACS documents for access-key authentication:
/// <c>x-ms-date</c> (RFC 1123, now), <c>x-ms-content-sha256</c> (base64 SHA-256 of the body) and
/// <c>Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&amp;Signature=…</c>, the signature
/// being base64 HMAC-SHA256 over <c>VERB\n{path and query}\n{x-ms-date};{host};{x-ms-content-sha256}</c>. A per-retry
/// policy: every try gets a fresh date, so a retry after a long Retry-After is not refused as stale.
/// </summary>
internal sealed class AcsHmacAuthenticationPolicy : HttpPipelinePolicy
{
    public const string DateHeader = "x-ms-date";
    public const string ContentHashHeader = "x-ms-content-sha256";
    public const string SignedHeaders = DateHeader + ";host;" + ContentHashHeader;

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public AcsHmacAuthenticationPolicy(string accessKey, TimeProvider time)
    {
        _key = Convert.FromBase64String(accessKey);
        _time = time;
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var body = new MemoryStream();
        message.Request.Content?.WriteTo(body, message.CancellationToken);
        Sign(message, body);
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var body = new MemoryStream();
        if (message.Request.Content is { } content)
        {
            await content.WriteToAsync(body, message.CancellationToken);
        }

        Sign(message, body);
        await ProcessNextAsync(message, pipeline);
    }

    private void Sign(HttpMessage message, MemoryStream body)
    {
        var contentHash = Convert.ToBase64String(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)));
        var date = _time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
        var uri = message.Request.Uri.ToUri();

        // Authority is the Host header HttpClient sends: the host, and the port when it is not the scheme's default.
        var stringToSign = message.Request.Method.Method + "\n" + uri.PathAndQuery + "\n" + date + ";" + uri.Authority + ";" + contentHash;
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));

        message.Request.Headers.SetValue(DateHeader, date);
        message.Request.Headers.SetValue(ContentHashHeader, contentHash);
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, "HMAC-SHA256 SignedHeaders=" + SignedHeaders + "&Signature=" + signature);
    }
}
