using System.ComponentModel.DataAnnotations;

namespace LinX.Core.Webhooks;

/// <summary>Section <c>LinX:Webhooks</c>: retry schedule and the limits of outbound calls.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "LinX:Webhooks";

    /// <summary>Delay before the first retry; doubles each attempt (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long an event is retried before it is marked FAILED.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3.00:00:00")]
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long an idle dispatcher waits for more events of its workflow before it ends (it is restarted on demand).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan DispatcherIdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Time limit of one outbound call.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most this much of a receiver's response is read (and then discarded).</summary>
    [Range(0, 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Allows http:// loopback receivers and loopback addresses. Only for the local host in Development and tests:
    /// in production every receiver is https and public.
    /// </summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Allows private network addresses (10/8, 172.16/12, 192.168/16, fc00::/7, 100.64/10): off in production.</summary>
    public bool AllowPrivateNetworks { get; set; }
}
