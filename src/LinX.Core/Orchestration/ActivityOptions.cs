namespace LinX.Core.Orchestration;

/// <summary>How an activity call is retried; mirrors the Durable Task retry policy.</summary>
/// <param name="MaxNumberOfAttempts">Total attempts, the first included (at least 1).</param>
/// <param name="FirstRetryInterval">Delay before the first retry.</param>
/// <param name="BackoffCoefficient">Multiplier applied to the delay after each retry (at least 1).</param>
/// <param name="MaxRetryInterval">Upper bound of one delay, if any.</param>
public sealed record ActivityRetryPolicy(
    int MaxNumberOfAttempts,
    TimeSpan FirstRetryInterval,
    double BackoffCoefficient = 1.0,
    TimeSpan? MaxRetryInterval = null)
{
    /// <summary>The delay before retry number <paramref name="retry"/> (1 = first retry).</summary>
    public TimeSpan DelayBefore(int retry)
    {
        var delay = FirstRetryInterval * Math.Pow(BackoffCoefficient, Math.Max(0, retry - 1));
        return MaxRetryInterval is { } max && delay > max ? max : delay;
    }
}

/// <summary>Options of one activity call.</summary>
public sealed record ActivityOptions(ActivityRetryPolicy? Retry = null)
{
    public static ActivityOptions FromRetryPolicy(ActivityRetryPolicy policy) => new(policy);
}
