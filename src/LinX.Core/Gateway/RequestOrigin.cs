namespace LinX.Core.Gateway;

/// <summary>
/// Where a customer's submission came from, kept as consent evidence with what they accepted: the client's address
/// and user agent (at most <see cref="MaxUserAgentLength"/> characters), nothing else of the device.
/// </summary>
public sealed record RequestOrigin(string? IpAddress, string? UserAgent)
{
    public const int MaxUserAgentLength = 256;

    /// <summary>No origin known (tests, tools).</summary>
    public static readonly RequestOrigin Unknown = new(null, null);

    /// <summary>The origin with the user agent cut to its limit and stripped of control characters.</summary>
    public static RequestOrigin Of(string? ipAddress, string? userAgent)
    {
        var agent = userAgent is null ? null : new string([.. userAgent.Where(c => !char.IsControl(c)).Take(MaxUserAgentLength)]);
        return new RequestOrigin(ipAddress, string.IsNullOrEmpty(agent) ? null : agent);
    }
}
