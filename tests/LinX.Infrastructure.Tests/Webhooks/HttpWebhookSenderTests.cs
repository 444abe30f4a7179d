using System.Net;
using System.Net.Sockets;
using System.Text;
using LinX.Core.Webhooks;
using LinX.Infrastructure.Webhooks;
using Microsoft.Extensions.Options;

namespace LinX.Infrastructure.Tests.Webhooks;

public sealed class HttpWebhookSenderTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private int _requests;

    public HttpWebhookSenderTests() => _listener.Start();

    private Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hook");

    [Fact]
    public async Task SendAsync_LoopbackNotAllowed_IsBlockedWithoutConnecting()
    {
        // Arrange
        using var sender = Sender(allowLoopback: false);
        var serving = ServeAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        // Act
        var result = await sender.SendAsync(Url, "{}", new Dictionary<string, string>(), CancellationToken.None);

        // Assert
        Assert.Equal(WebhookErrors.BlockedAddress, result.Error);
        Assert.Null(result.StatusCode);
        Assert.Equal(0, _requests);
        Assert.False(serving.IsCompleted);
    }

    [Theory]
    [InlineData("https://192.0.2.1/hook")]
    [InlineData("https://198.51.100.1/hook")]
    [InlineData("https://[::a9fe:a9fe]/hook")]
    [InlineData("https://[64:ff9b::a9fe:a9fe]/hook")]
    [InlineData("https://[2002:a9fe:a9fe::1]/hook")]
    [InlineData("https://[::ffff:0:a9fe:a9fe]/hook")]
    [InlineData("https://[2001:db8::1]/hook")]
    public async Task SendAsync_SpecialPurposeAddress_IsBlockedAtConnectTime(string url)
    {
        // Arrange: the local host's settings; a connection attempt would end as a timeout or network error instead.
        using var sender = new HttpWebhookSender(Options.Create(new WebhookOptions
        {
            AllowLoopback = true, AllowPrivateNetworks = true, Timeout = TimeSpan.FromSeconds(2), MaxResponseBytes = 1024,
        }));

        // Act
        var result = await sender.SendAsync(new Uri(url), "{}", new Dictionary<string, string>(), CancellationToken.None);

        // Assert
        Assert.Equal(WebhookErrors.BlockedAddress, result.Error);
        Assert.Null(result.StatusCode);
    }

    [Fact]
    public async Task SendAsync_NameResolvingToLoopbackNotAllowed_IsBlockedWithoutConnecting()
    {
        // Arrange
        using var sender = Sender(allowLoopback: false);
        var serving = ServeAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        // Act
        var result = await sender.SendAsync(
            new Uri($"http://localhost:{((IPEndPoint)_listener.LocalEndpoint).Port}/hook"), "{}", new Dictionary<string, string>(), CancellationToken.None);

        // Assert
        Assert.Equal(WebhookErrors.BlockedAddress, result.Error);
        Assert.Equal(0, _requests);
        Assert.False(serving.IsCompleted);
    }

    [Fact]
    public async Task SendAsync_Redirect_IsNotFollowed()
    {
        using var sender = Sender(allowLoopback: true);
        _ = ServeAsync("HTTP/1.1 302 Found\r\nLocation: http://169.254.169.254/latest/meta-data\r\nContent-Length: 0\r\n\r\n");

        var result = await sender.SendAsync(Url, "{}", new Dictionary<string, string>(), CancellationToken.None);

        Assert.Equal(302, result.StatusCode);
        Assert.Equal(1, _requests);
    }

    [Fact]
    public async Task SendAsync_503WithRetryAfter_ReturnsTheDelay()
    {
        using var sender = Sender(allowLoopback: true);
        _ = ServeAsync("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 7\r\nContent-Length: 0\r\n\r\n");

        var result = await sender.SendAsync(Url, "{}", new Dictionary<string, string> { ["LinX-Signature"] = "t=1,v1=00" }, CancellationToken.None);

        Assert.Equal(503, result.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_ReceiverNeverAnswers_TimesOut()
    {
        using var sender = Sender(allowLoopback: true, timeout: TimeSpan.FromMilliseconds(300));
        _ = ServeAsync(null);

        var result = await sender.SendAsync(Url, "{}", new Dictionary<string, string>(), CancellationToken.None);

        Assert.Equal(WebhookErrors.Timeout, result.Error);
        Assert.Null(result.StatusCode);
    }

    [Fact]
    public async Task SendAsync_HugeResponse_ReadsOnlyTheLimit()
    {
        // Arrange: a response announcing 100 MB that sends 128 KiB and then stalls.
        using var sender = Sender(allowLoopback: true, timeout: TimeSpan.FromSeconds(5));
        _ = ServeAsync("HTTP/1.1 200 OK\r\nContent-Length: 104857600\r\n\r\n" + new string('x', 128 * 1024));

        // Act
        var result = await sender.SendAsync(Url, "{}", new Dictionary<string, string>(), CancellationToken.None);

        // Assert: it returned the status without waiting for (or timing out on) the rest of the body.
        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.Error);
    }

    public void Dispose() => _listener.Stop();

    private static HttpWebhookSender Sender(bool allowLoopback, TimeSpan? timeout = null) =>
        new(Options.Create(new WebhookOptions { AllowLoopback = allowLoopback, Timeout = timeout ?? TimeSpan.FromSeconds(5), MaxResponseBytes = 64 * 1024 }));

    /// <summary>Accepts one connection, reads the request head and answers <paramref name="response"/> (or never, when null).</summary>
    private async Task ServeAsync(string? response)
    {
        using var client = await _listener.AcceptTcpClientAsync();
        Interlocked.Increment(ref _requests);
        var stream = client.GetStream();
        var buffer = new byte[16 * 1024];
        var head = new StringBuilder();
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        if (response is null)
        {
            await Task.Delay(Timeout.Infinite, new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
        await stream.FlushAsync();
        await Task.Delay(TimeSpan.FromSeconds(2)).ContinueWith(_ => { }, TaskScheduler.Default); // keep the connection open
    }
}
