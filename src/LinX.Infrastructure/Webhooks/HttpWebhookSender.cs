using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using LinX.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace LinX.Infrastructure.Webhooks;

/// <summary>
/// Outbound webhook calls. The handler never follows redirects (a 3xx is a permanent failure), and its connect
/// callback is the SSRF guard: it resolves the host itself and connects only to an address that
/// <see cref="OutboundAddressPolicy"/> allows, so DNS tricks (a public name resolving to 169.254.169.254) fail too.
/// Each call is time-limited and at most <see cref="WebhookOptions.MaxResponseBytes"/> of the response is read.
/// </summary>
internal sealed class HttpWebhookSender : IWebhookSender, IDisposable
{
    private const string UserAgent = "LinX-Webhooks/1.0";

    private readonly HttpClient _client;
    private readonly WebhookOptions _options;

    public HttpWebhookSender(IOptions<WebhookOptions> options)
    {
        _options = options.Value;
        var allowLoopback = _options.AllowLoopback;
        var allowPrivate = _options.AllowPrivateNetworks;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2), // re-resolve (and re-check) names regularly
            ConnectTimeout = _options.Timeout,
            ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, allowLoopback, allowPrivate, ct),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<WebhookSendResult> SendAsync(Uri url, string body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headers);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.UserAgent.ParseAdd(UserAgent);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var latency = watch.Elapsed;
            await DrainAsync(response, timeout.Token);
            return new WebhookSendResult((int)response.StatusCode, latency, RetryAfter(response.Headers.RetryAfter), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookSendResult(null, watch.Elapsed, null, WebhookErrors.Timeout);
        }
        catch (HttpRequestException e) when (e.InnerException is BlockedAddressException)
        {
            return new WebhookSendResult(null, watch.Elapsed, null, WebhookErrors.BlockedAddress);
        }
        catch (HttpRequestException)
        {
            return new WebhookSendResult(null, watch.Elapsed, null, WebhookErrors.Network);
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Reads (and discards) at most the allowed size, so a huge or endless response cannot hold the worker.</summary>
    private async Task DrainAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[8192];
            var total = 0;
            int read;
            while (total < _options.MaxResponseBytes && (read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, _options.MaxResponseBytes - total)), cancellationToken)) > 0)
            {
                total += read;
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            // The status code is what counts; a broken body does not change it.
        }
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date && date > DateTimeOffset.UtcNow ? date - DateTimeOffset.UtcNow : null;
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowLoopback, bool allowPrivate, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.Where(a => OutboundAddressPolicy.IsAllowed(a, allowLoopback, allowPrivate)).ToArray();
        if (allowed.Length == 0)
        {
            throw new BlockedAddressException();
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The host resolved only to addresses LinX does not call.</summary>
    private sealed class BlockedAddressException : IOException
    {
        public BlockedAddressException()
            : base("The receiver's address is not allowed.")
        {
        }
    }
}
