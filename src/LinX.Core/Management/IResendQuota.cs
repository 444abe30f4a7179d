namespace LinX.Core.Management;

/// <summary>
/// The business's <c>resend</c> allowance per workflow: at most one SMS a <see cref="Interval"/> and
/// <see cref="PerDay"/> in any 24 hours, counted atomically however many requests arrive at once.
/// </summary>
public interface IResendQuota
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public const int PerDay = 5;

    /// <summary>Takes one resend at <paramref name="now"/>: null when taken, else how long until one can be.</summary>
    Task<TimeSpan?> TryTakeAsync(Guid businessId, Guid workflowId, DateTimeOffset now, CancellationToken cancellationToken);
}
