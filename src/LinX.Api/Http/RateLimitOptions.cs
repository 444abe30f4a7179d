using System.ComponentModel.DataAnnotations;

namespace LinX.Api.Http;

/// <summary>
/// Section <c>LinX:RateLimits</c>: token buckets per API key (every business route, known keys or not), per link token
/// and per client address (every Gateway API route) and per link for passcode attempts. Each limit is a sustained rate
/// per minute and a burst (the bucket's size); a rate of 0 turns that limit off, <see cref="Enabled"/> false all of them.
/// </summary>
/// <remarks>
/// The defaults leave the Gateway page alone: it polls its link every 600 ms (100 a minute) while a submission is
/// applied. A business may burst 1,000 requests and keep up 50 a second.
/// </remarks>
public sealed class RateLimitOptions
{
    public const string SectionName = "LinX:RateLimits";

    private const int MaxPerMinute = 600_000;
    private const int MaxBurst = 100_000;

    /// <summary>False turns every limit off (e.g. a load test's host).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests a minute per API key on the business API.</summary>
    [Range(0, MaxPerMinute)]
    public int ApiKeyPerMinute { get; set; } = 3_000;

    /// <summary>Requests an API key may send at once.</summary>
    [Range(1, MaxBurst)]
    public int ApiKeyBurst { get; set; } = 1_000;

    /// <summary>Requests a minute per link token on the Gateway API.</summary>
    [Range(0, MaxPerMinute)]
    public int LinkTokenPerMinute { get; set; } = 120;

    /// <summary>Requests a link may take at once.</summary>
    [Range(1, MaxBurst)]
    public int LinkTokenBurst { get; set; } = 60;

    /// <summary>Requests a minute per client address (IPv6: per /64) on the Gateway API, whatever the links.</summary>
    [Range(0, MaxPerMinute)]
    public int ClientAddressPerMinute { get; set; } = 1_200;

    /// <summary>Requests a client address may send at once: below what guessing links by the hundred needs.</summary>
    [Range(1, MaxBurst)]
    public int ClientAddressBurst { get; set; } = 120;

    /// <summary>
    /// Failed API-key authentications a minute per client address (IPv6: per /64): the per-key limit cannot slow an
    /// attacker who tries a new key each time; this does, before each costs a storage lookup.
    /// </summary>
    [Range(0, MaxPerMinute)]
    public int FailedAuthenticationPerMinute { get; set; } = 120;

    /// <summary>Failed authentications a client address may have at once.</summary>
    [Range(1, MaxBurst)]
    public int FailedAuthenticationBurst { get; set; } = 100;

    /// <summary>Passcode attempts a minute per link (on top of the lock after <c>LinX:MaxPasscodeAttempts</c> wrong ones).</summary>
    [Range(0, MaxPerMinute)]
    public int PasscodePerMinute { get; set; } = 10;

    /// <summary>Passcode attempts a link may take at once.</summary>
    [Range(1, MaxBurst)]
    public int PasscodeBurst { get; set; } = 10;
}
