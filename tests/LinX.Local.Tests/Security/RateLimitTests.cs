using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using LinX.Api.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Local.Tests.Security;

/// <summary>
/// The rate limits over real HTTP, on a host of their own with small bursts and one permit a minute after them (so
/// nothing refills while a test runs). Gateway tests each send from their own loopback address (127.0.0.x), which
/// Kestrel sees as the client address, so that the per-address limit of one test does not touch another's.
/// </summary>
public sealed class RateLimitTests(RateLimitTests.HostFixture host) : IClassFixture<RateLimitTests.HostFixture>
{
    private const int ApiKeyBurst = 5;
    private const int LinkBurst = 4;
    private const int AddressBurst = 8;
    private const int PasscodeBurst = 2;
    private const int FailedAuthenticationBurst = 6;

    [Fact]
    public async Task BusinessRoute_BurstOverTheKeysLimit_Is429WithRetryAfterAndAnotherKeyUnaffected()
    {
        // Arrange
        var (_, first) = await host.CreateBusinessAsync("Rate Limited Inc");
        var (_, second) = await host.CreateBusinessAsync("Unaffected Inc");
        var statuses = await StatusesAsync(ApiKeyBurst, _ => first.GetAsync("/api/linx/payment-reasons"));

        // Act
        using var limited = await first.GetAsync("/api/linx/payment-reasons");
        using var other = await second.GetAsync("/api/linx/payment-reasons");

        // Assert
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        await AssertRateLimitedAsync(limited);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task BusinessRoute_UnknownKeyBurst_Is429BeforeTheLookup()
    {
        using var guesser = host.NewClient("linx_unknown_" + Guid.NewGuid().ToString("N"));
        var statuses = await StatusesAsync(ApiKeyBurst, _ => guesser.GetAsync("/api/linx/workflows"));

        using var limited = await guesser.GetAsync("/api/linx/workflows");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        await AssertRateLimitedAsync(limited);
    }

    [Fact]
    public async Task BusinessRoute_NewUnknownKeyEachTimeFromOneAddress_Is429AndAnotherAddressUnaffected()
    {
        // Arrange: the per-key limit cannot see this attacker; the address's failed authentications can.
        using var guesser = ClientFrom("127.0.0.25");
        using var neighbour = ClientFrom("127.0.0.26");
        var statuses = await StatusesAsync(FailedAuthenticationBurst, _ => GetWithKeyAsync(guesser, NewKey()));

        // Act
        using var limited = await GetWithKeyAsync(guesser, NewKey());
        using var other = await GetWithKeyAsync(neighbour, NewKey());

        // Assert
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        await AssertRateLimitedAsync(limited);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);

        static string NewKey() => "linx_guess_" + Guid.NewGuid().ToString("N");
    }

    [Fact]
    public async Task GatewayRoute_BurstOnOneLink_Is429AndAnotherLinkUnaffected()
    {
        // Arrange: the link's whole burst, on GET and POST routes alike (an unknown link is limited like a known one).
        using var client = ClientFrom("127.0.0.21");
        var token = Token();
        var statuses = await StatusesAsync(LinkBurst, i => i % 2 == 0
            ? client.GetAsync($"/api/gateway/{token}")
            : client.PostAsJsonAsync($"/api/gateway/{token}/decline", new { reason = "OTHER" }));

        // Act
        using var limited = await client.PostAsJsonAsync($"/api/gateway/{token}/steps/customer-account", new { firstName = "Jane" });
        using var other = await client.GetAsync($"/api/gateway/{Token()}");

        // Assert
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        await AssertRateLimitedAsync(limited);
        Assert.Equal("no-store", limited.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task GatewayRoute_GuessedLinksFromOneAddress_Are429AndAnotherAddressUnaffected()
    {
        // Arrange: one address guesses a new link each time.
        using var guesser = ClientFrom("127.0.0.22");
        using var neighbour = ClientFrom("127.0.0.23");
        var statuses = await StatusesAsync(AddressBurst, _ => guesser.GetAsync($"/api/gateway/{Token()}"));

        // Act
        using var limited = await guesser.GetAsync($"/api/gateway/{Token()}");
        using var other = await neighbour.GetAsync($"/api/gateway/{Token()}");

        // Assert
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        await AssertRateLimitedAsync(limited);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Passcode_AttemptsOverTheirLimit_Are429WhileTheLinkStillAnswers()
    {
        using var client = ClientFrom("127.0.0.24");
        var token = Token();
        var statuses = await StatusesAsync(PasscodeBurst, _ => client.PostAsJsonAsync($"/api/gateway/{token}/passcode", new { passcode = "123456" }));

        using var limited = await client.PostAsJsonAsync($"/api/gateway/{token}/passcode", new { passcode = "123456" });
        using var view = await client.GetAsync($"/api/gateway/{token}");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        await AssertRateLimitedAsync(limited);
        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
    }

    private static async Task AssertRateLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {response.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("RATE_LIMITED", problem.GetProperty("errorCode").GetString());
    }

    /// <summary>Sends <paramref name="count"/> requests one after the other; their status codes.</summary>
    private static async Task<List<HttpStatusCode>> StatusesAsync(int count, Func<int, Task<HttpResponseMessage>> send)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await send(i);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private static async Task<HttpResponseMessage> GetWithKeyAsync(HttpClient client, string apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/linx/workflows");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return await client.SendAsync(request);
    }

    private static string Token() => Convert.ToHexString(Guid.NewGuid().ToByteArray());

    /// <summary>An anonymous client whose connections leave from <paramref name="sourceAddress"/> (any 127.0.0.x is loopback).</summary>
    private HttpClient ClientFrom(string sourceAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(sourceAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        BaseAddress = new Uri(host.BaseUrl),
    };

    /// <summary>The local host with the small limits of these tests.</summary>
    public sealed class HostFixture : LocalHostFixture
    {
        protected override void ConfigureServices(IServiceCollection services) => services.PostConfigure<RateLimitOptions>(limits =>
        {
            (limits.ApiKeyPerMinute, limits.ApiKeyBurst) = (1, ApiKeyBurst);
            (limits.LinkTokenPerMinute, limits.LinkTokenBurst) = (1, LinkBurst);
            (limits.ClientAddressPerMinute, limits.ClientAddressBurst) = (1, AddressBurst);
            (limits.PasscodePerMinute, limits.PasscodeBurst) = (1, PasscodeBurst);
            (limits.FailedAuthenticationPerMinute, limits.FailedAuthenticationBurst) = (1, FailedAuthenticationBurst);
        });
    }
}
