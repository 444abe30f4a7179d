using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using LinX.Api.Problems;
using LinX.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LinX.Api.Http;

/// <summary>
/// The limits of <see cref="RateLimitOptions"/>, applied inside the shared handlers so that both hosts have them:
/// <see cref="BusinessAuthentication"/> takes a permit before it looks the API key up, the Gateway endpoints before
/// they look the link up. One per host (a singleton). Partitions are keyed by hashes, never by a key or token itself,
/// and a partition is dropped once its bucket is full again and idle, so they do not grow with the keys or links seen.
/// </summary>
public sealed class RequestRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _apiKeys;
    private readonly PartitionedRateLimiter<string>? _linkTokens;
    private readonly PartitionedRateLimiter<string>? _clientAddresses;
    private readonly PartitionedRateLimiter<string>? _passcodes;
    private readonly PartitionedRateLimiter<string>? _failedAuthentications;
    private readonly TimeSpan _failedAuthenticationRefill;

    public RequestRateLimiter(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value;
        _apiKeys = Create(limits.Enabled, limits.ApiKeyPerMinute, limits.ApiKeyBurst);
        _linkTokens = Create(limits.Enabled, limits.LinkTokenPerMinute, limits.LinkTokenBurst);
        _clientAddresses = Create(limits.Enabled, limits.ClientAddressPerMinute, limits.ClientAddressBurst);
        _passcodes = Create(limits.Enabled, limits.PasscodePerMinute, limits.PasscodeBurst);
        _failedAuthentications = Create(limits.Enabled, limits.FailedAuthenticationPerMinute, limits.FailedAuthenticationBurst);
        _failedAuthenticationRefill = limits.FailedAuthenticationPerMinute == 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(1) / limits.FailedAuthenticationPerMinute;
    }

    /// <summary>The 429 when this API key (missing and unknown keys too) is over its limit, else null.</summary>
    public IResult? ForApiKey(HttpContext http, string? apiKey) =>
        Acquire(http, _apiKeys, Hashing.Sha256Hex(apiKey ?? string.Empty), "Too many requests with this API key.");

    /// <summary>The 429 when this client address has used up its failed authentications, else null (nothing is taken).</summary>
    public IResult? ForAuthenticationFailures(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);

        // Looked at, not taken (a success costs nothing). Not AttemptAcquire(0): the bucket refills by fractions, and any
        // fraction above zero would let a request through that a whole permit would not.
        return _failedAuthentications?.GetStatistics(ClientAddress(http.Connection.RemoteIpAddress)) is { CurrentAvailablePermits: < 1 }
            ? ProblemResults.TooManyRequests(http, _failedAuthenticationRefill, "Too many failed authentications from this address. Retry after the Retry-After delay.")
            : null;
    }

    /// <summary>Counts a failed authentication against the client address.</summary>
    public void CountAuthenticationFailure(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        Acquire(http, _failedAuthentications, ClientAddress(http.Connection.RemoteIpAddress), string.Empty);
    }

    /// <summary>
    /// The 429 when the client address or the link is over its limit (for a passcode attempt, also the link's passcode
    /// limit), else null. The address goes first: a flood of guessed links stops there, before it adds partitions.
    /// </summary>
    public IResult? ForLink(HttpContext http, string token, bool passcodeAttempt = false)
    {
        ArgumentNullException.ThrowIfNull(http);
        var link = Hashing.Sha256Hex(token);
        return Acquire(http, _clientAddresses, ClientAddress(http.Connection.RemoteIpAddress), "Too many requests from this address.")
            ?? Acquire(http, _linkTokens, link, "Too many requests for this link.")
            ?? (passcodeAttempt ? Acquire(http, _passcodes, link, "Too many passcode attempts for this link.") : null);
    }

    public void Dispose()
    {
        _apiKeys?.Dispose();
        _linkTokens?.Dispose();
        _clientAddresses?.Dispose();
        _passcodes?.Dispose();
        _failedAuthentications?.Dispose();
    }

    /// <summary>The partition of a client address: IPv4 (also when mapped into IPv6) as is, IPv6 by its /64, which one subscriber holds.</summary>
    internal static string ClientAddress(IPAddress? address)
    {
        if (address is null)
        {
            return string.Empty;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes) + "/64";
    }

    private static IResult? Acquire(HttpContext http, PartitionedRateLimiter<string>? limiter, string partition, string detail)
    {
        if (limiter is null)
        {
            return null;
        }

        using var lease = limiter.AttemptAcquire(partition);
        if (lease.IsAcquired)
        {
            return null;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        return ProblemResults.TooManyRequests(http, retryAfter, detail + " Retry after the Retry-After delay.");
    }

    private static PartitionedRateLimiter<string>? Create(bool enabled, int perMinute, int burst)
    {
        if (!enabled || perMinute == 0)
        {
            return null;
        }

        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = 0,
        };

        // The partitioned limiter refills every bucket from one timer of its own, and drops the full, idle ones.
        return PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetTokenBucketLimiter(partition, _ => bucket));
    }
}
