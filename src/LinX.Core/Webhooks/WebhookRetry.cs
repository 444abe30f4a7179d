namespace LinX.Core.Webhooks;

/// <summary>Exponential backoff with jitter, and the receiver's Retry-After when it asks for longer.</summary>
public static class WebhookRetry
{
    /// <summary>
    /// The delay after failed attempt number <paramref name="attempt"/> (1-based): base * 2^(attempt-1), capped, then
    /// scaled by a jitter factor in [0.5, 1.0) taken from <paramref name="jitterSource"/> (a replay-safe guid in the
    /// orchestrator). <paramref name="retryAfter"/> wins when longer, capped at <paramref name="max"/>.
    /// </summary>
    public static TimeSpan Delay(int attempt, TimeSpan first, TimeSpan max, Guid jitterSource, TimeSpan? retryAfter)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var raw = Math.Min(first.Ticks * Math.Pow(2, exponent), max.Ticks);
        var bytes = jitterSource.ToByteArray();
        var fraction = BitConverter.ToUInt16(bytes, 0) / 65536.0;
        var delay = TimeSpan.FromTicks((long)(raw * (0.5 + (fraction / 2))));
        if (retryAfter is { } asked && asked > delay)
        {
            delay = asked < max ? asked : max;
        }

        return delay;
    }

    /// <summary>True for responses worth retrying: no response (timeout, network), 408, 429 and 5xx.</summary>
    public static bool IsTransient(WebhookSendResult result) =>
        result.StatusCode is null ? result.Error != WebhookErrors.BlockedAddress : result.StatusCode is 408 or 429 or >= 500;
}
