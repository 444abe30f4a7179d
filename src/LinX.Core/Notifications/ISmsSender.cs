namespace LinX.Core.Notifications;

/// <summary>What the SMS provider answered for one message. A failed recipient is a result, not an exception.</summary>
public sealed record SmsSendResult(bool Successful, string? MessageId, string? ErrorMessage);

/// <summary>
/// Sends one SMS, once per <see cref="SmsIdempotency.RequestId"/>: a repeat with the same idempotency within
/// <see cref="SmsIdempotency.RepeatabilityWindow"/> answers the first result and sends nothing. Callers also claim the
/// (workflow, serial) history row before sending, so that two copies never send at the same time.
/// </summary>
public interface ISmsSender
{
    /// <summary>Sends <paramref name="message"/> to <paramref name="toE164"/>, or answers the first result of this <paramref name="idempotency"/>.</summary>
    Task<SmsSendResult> SendAsync(string toE164, string message, SmsIdempotency idempotency, CancellationToken cancellationToken);
}
