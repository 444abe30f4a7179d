namespace LinX.Core.Notifications;

/// <summary>What the SMS provider answered for one message. A failed recipient is a result, not an exception.</summary>
public sealed record SmsSendResult(bool Successful, string? MessageId, string? ErrorMessage);

/// <summary>
/// Sends one SMS. Not idempotent by itself (providers give each call a new id): callers claim the
/// (workflow, serial) history row before sending.
/// </summary>
public interface ISmsSender
{
    Task<SmsSendResult> SendAsync(string toE164, string message, CancellationToken cancellationToken);
}
