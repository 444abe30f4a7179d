using System.Globalization;
using System.Net;
using LinX.Api.Http;
using LinX.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LinX.Api.Tests.Http;

public sealed class RequestRateLimiterTests
{
    private const int Burst = 3;

    [Fact]
    public async Task ForApiKey_BurstOverTheLimit_Is429WithRetryAfterAndRateLimitedProblem()
    {
        using var limiter = Limiter(o => o.ApiKeyBurst = Burst);
        var allowed = Enumerable.Range(0, Burst).Select(_ => limiter.ForApiKey(ExecutedResult.NewContext(), "linx_key_a")).ToList();
        var http = ExecutedResult.NewContext();

        var limited = limiter.ForApiKey(http, "linx_key_a");

        Assert.All(allowed, Assert.Null);
        var response = await ExecutedResult.ExecuteAsync(limited!, http);
        Assert.Equal(StatusCodes.Status429TooManyRequests, response.Status);
        Assert.Equal(ProblemResults.ContentType, response.ContentType);
        Assert.Equal(ApiErrorCodes.RateLimited, response.ErrorCode);
        Assert.InRange(int.Parse(response.Headers.RetryAfter.ToString(), CultureInfo.InvariantCulture), 1, 60);
    }

    [Fact]
    public void ForApiKey_AnotherKeyOrNoKey_IsUnaffected()
    {
        using var limiter = Limiter(o => o.ApiKeyBurst = Burst);
        for (var i = 0; i <= Burst; i++)
        {
            limiter.ForApiKey(ExecutedResult.NewContext(), "linx_key_a");
        }

        Assert.Null(limiter.ForApiKey(ExecutedResult.NewContext(), "linx_key_b"));
        Assert.Null(limiter.ForApiKey(ExecutedResult.NewContext(), null));
    }

    [Fact]
    public void ForLink_OneLinkFromManyAddresses_IsLimitedByTheLink()
    {
        using var limiter = Limiter(o => o.LinkTokenBurst = Burst);
        var answers = Enumerable.Range(1, Burst + 1).Select(i => limiter.ForLink(From($"192.0.2.{i}"), "token-a")).ToList();

        Assert.All(answers.Take(Burst), Assert.Null);
        Assert.NotNull(answers[^1]);
        Assert.Null(limiter.ForLink(From("192.0.2.1"), "token-b"));
    }

    [Fact]
    public void ForLink_ManyLinksFromOneAddress_IsLimitedByTheAddress()
    {
        using var limiter = Limiter(o => o.ClientAddressBurst = Burst);
        var answers = Enumerable.Range(1, Burst + 1).Select(i => limiter.ForLink(From("192.0.2.7"), $"guess-{i}")).ToList();

        Assert.All(answers.Take(Burst), Assert.Null);
        Assert.NotNull(answers[^1]);
        Assert.Null(limiter.ForLink(From("192.0.2.8"), "guess-1"));
    }

    [Fact]
    public void ForLink_PasscodeAttemptsOverTheirLimit_AreLimitedWhileOtherRequestsOfTheLinkAreNot()
    {
        using var limiter = Limiter(o => o.PasscodeBurst = Burst);
        var attempts = Enumerable.Range(0, Burst + 1).Select(_ => limiter.ForLink(From("192.0.2.9"), "token-a", passcodeAttempt: true)).ToList();

        Assert.All(attempts.Take(Burst), Assert.Null);
        Assert.NotNull(attempts[^1]);
        Assert.Null(limiter.ForLink(From("192.0.2.9"), "token-a"));
    }

    [Fact]
    public void ForApiKey_LimitsDisabled_NeverLimits()
    {
        using var disabled = Limiter(o => (o.Enabled, o.ApiKeyBurst) = (false, 1));
        using var rateZero = Limiter(o => (o.ApiKeyPerMinute, o.ApiKeyBurst) = (0, 1));

        var answers = Enumerable.Range(0, 10).SelectMany(_ => new[]
        {
            disabled.ForApiKey(ExecutedResult.NewContext(), "linx_key_a"),
            rateZero.ForApiKey(ExecutedResult.NewContext(), "linx_key_a"),
        });

        Assert.All(answers, Assert.Null);
    }

    [Theory]
    [InlineData("2001:db8:1:2:aaaa::1", "2001:db8:1:2:bbbb::2", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1", true)]
    [InlineData("192.0.2.1", "192.0.2.2", false)]
    public void ClientAddress_TwoAddresses_ShareAPartitionOnlyWithinOneIpv6Slash64(string first, string second, bool shared)
    {
        var a = RequestRateLimiter.ClientAddress(IPAddress.Parse(first));
        var b = RequestRateLimiter.ClientAddress(IPAddress.Parse(second));

        Assert.Equal(shared, a == b);
    }

    [Fact]
    public void AddLinXApi_Configuration_BindsTheLimits()
    {
        using var services = Services(new() { ["LinX:RateLimits:LinkTokenPerMinute"] = "30", ["LinX:RateLimits:Enabled"] = "false" });

        var options = services.GetRequiredService<IOptions<RateLimitOptions>>().Value;

        Assert.Equal(30, options.LinkTokenPerMinute);
        Assert.False(options.Enabled);
        Assert.NotNull(services.GetRequiredService<RequestRateLimiter>());
    }

    [Theory]
    [InlineData("ApiKeyPerMinute", "-1")]
    [InlineData("PasscodeBurst", "0")]
    public void AddLinXApi_OutOfRangeSetting_FailsValidation(string name, string value)
    {
        using var services = Services(new() { [$"LinX:RateLimits:{name}"] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RateLimitOptions>>().Value);

        Assert.Contains(name, failure.Message, StringComparison.Ordinal);
    }

    private static RequestRateLimiter Limiter(Action<RateLimitOptions> configure)
    {
        // One permit a minute after the burst: nothing refills while a test runs.
        var options = new RateLimitOptions { ApiKeyPerMinute = 1, LinkTokenPerMinute = 1, ClientAddressPerMinute = 1, PasscodePerMinute = 1 };
        configure(options);
        return new RequestRateLimiter(Options.Create(options));
    }

    private static DefaultHttpContext From(string address)
    {
        var http = ExecutedResult.NewContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return http;
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLinXApi()
            .BuildServiceProvider();
}
