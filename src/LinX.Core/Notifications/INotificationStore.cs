namespace LinX.Core.Notifications;

/// <summary>
/// The notification history of each workflow, keyed by (workflow, serial). A row is first a claim (one sender at a
/// time may send that SMS, until its lease runs out), then the record of what was sent. The claim keeps the SMS's
/// attempt generation and first attempt time for as long as it is a claim, across takeovers and releases, so that
/// every attempt of a generation repeats the same provider request (<see cref="SmsIdempotency"/>).
/// </summary>
public interface INotificationStore
{
    /// <summary>The sent notification (workflow, serial), or null when it has not been sent.</summary>
    Task<NotificationRecord?> GetAsync(Guid workflowId, int serial, CancellationToken cancellationToken);

    /// <summary>
    /// Claims (workflow, serial) for sending until <paramref name="leaseUntil"/>: inserts the claim (generation 0, first
    /// attempt <paramref name="now"/>), or takes over a claim whose lease ran out before <paramref name="now"/> or was
    /// released, keeping its generation and first attempt. Says what was sent instead when it already was.
    /// </summary>
    Task<NotificationClaim> ClaimAsync(Guid workflowId, Guid businessId, int serial, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Starts the next attempt generation of a claim this sender holds, first attempt <paramref name="now"/>: for a first
    /// attempt too old for the provider to recognise a repeat of. Answers a claim not acquired when another sender took it over.
    /// </summary>
    Task<NotificationClaim> RestartAttemptAsync(NotificationClaim claim, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Turns a claim this sender holds into the record of what it sent; returns the stored record.</summary>
    Task<NotificationRecord> CompleteAsync(NotificationClaim claim, NotificationRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Ends the lease of a claim this sender holds without a record, so that a retry may take it over at once. The claim
    /// row stays, with its generation and first attempt: the send may have reached the provider before it failed here.
    /// </summary>
    Task ReleaseAsync(NotificationClaim claim, CancellationToken cancellationToken);

    /// <summary>The sent notifications in serial order.</summary>
    Task<IReadOnlyList<NotificationRecord>> ListAsync(Guid workflowId, CancellationToken cancellationToken);
}

/// <summary>
/// The answer to a claim: <see cref="Sent"/> when the SMS was already sent; otherwise <see cref="Acquired"/> with the
/// claim's version, or held by another sender until <see cref="HeldUntil"/>. An acquired claim carries the attempt
/// <see cref="Generation"/> and <see cref="FirstAttemptAt"/> its provider request repeats.
/// </summary>
public sealed record NotificationClaim(
    Guid WorkflowId, int Serial, NotificationRecord? Sent, string? Version, DateTimeOffset HeldUntil, int Generation, DateTimeOffset FirstAttemptAt)
{
    public bool Acquired => Sent is null && Version is not null;

    /// <summary>The provider request of this claim's attempt generation.</summary>
    public SmsIdempotency Idempotency => SmsIdempotency.ForNotification(WorkflowId, Serial, Generation, FirstAttemptAt);
}
