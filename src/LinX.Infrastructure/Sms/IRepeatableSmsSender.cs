using LinX.Core.Notifications;

namespace LinX.Infrastructure.Sms;

/// <summary>
/// What makes a send repeatable: the same <see cref="RequestId"/> and <see cref="FirstAttemptAt"/> on every attempt
/// at one SMS, so that the provider sends it once however often it is asked.
/// </summary>
/// <param name="RequestId">Stable for the SMS, e.g. derived from (workflow, serial); ACS's <c>repeatabilityRequestId</c>.</param>
/// <param name="FirstAttemptAt">When the first attempt was made, stored with it; ACS's <c>repeatabilityFirstSent</c> (to the second).</param>
public sealed record SmsIdempotency(Guid RequestId, DateTimeOffset FirstAttemptAt);

/// <summary>
/// Sends one SMS at most once per <see cref="SmsIdempotency.RequestId"/>, within the provider's repeatability window.
/// To be merged into <see cref="ISmsSender"/> (see the proposed port change); until then the ACS sender implements both.
/// </summary>
public interface IRepeatableSmsSender
{
    /// <summary>Sends <paramref name="message"/> to <paramref name="toE164"/>; a repeat with the same <paramref name="idempotency"/> answers the first result.</summary>
    Task<SmsSendResult> SendAsync(string toE164, string message, SmsIdempotency idempotency, CancellationToken cancellationToken);
}
