namespace LinX.Core.Notifications;

/// <summary>
/// The notification history of each workflow, keyed by (workflow, serial). A row is first a claim (one sender at a
/// time may send that SMS, until its lease runs out), then the record of what was sent.
/// </summary>
public interface INotificationStore
{
    /// <summary>The sent notification (workflow, serial), or null when it has not been sent.</summary>
    Task<NotificationRecord?> GetAsync(Guid workflowId, int serial, CancellationToken cancellationToken);

    /// <summary>
    /// Claims (workflow, serial) for sending until <paramref name="leaseUntil"/>: inserts the claim, or takes over a
    /// claim whose lease ran out before <paramref name="now"/>. Says what was sent instead when it already was.
    /// </summary>
    Task<NotificationClaim> ClaimAsync(Guid workflowId, Guid businessId, int serial, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Turns a claim this sender holds into the record of what it sent; returns the stored record.</summary>
    Task<NotificationRecord> CompleteAsync(NotificationClaim claim, NotificationRecord record, CancellationToken cancellationToken);

    /// <summary>Gives up a claim this sender holds without having sent anything, so that a retry may send at once.</summary>
    Task ReleaseAsync(NotificationClaim claim, CancellationToken cancellationToken);

    /// <summary>The sent notifications in serial order.</summary>
    Task<IReadOnlyList<NotificationRecord>> ListAsync(Guid workflowId, CancellationToken cancellationToken);
}

/// <summary>
/// The answer to a claim: <see cref="Sent"/> when the SMS was already sent; otherwise <see cref="Acquired"/> with the
/// claim's version, or held by another sender until <see cref="HeldUntil"/>.
/// </summary>
public sealed record NotificationClaim(Guid WorkflowId, int Serial, NotificationRecord? Sent, string? Version, DateTimeOffset HeldUntil)
{
    public bool Acquired => Sent is null && Version is not null;
}
