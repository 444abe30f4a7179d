using System.Globalization;
using LinX.Core.Common;

namespace LinX.Core.Notifications;

/// <summary>
/// What makes a send repeatable: the same <see cref="RequestId"/> and <see cref="FirstAttemptAt"/> on every attempt at
/// one SMS, so that the provider sends it once however often it is asked, within <see cref="RepeatabilityWindow"/>.
/// </summary>
/// <param name="RequestId">Stable for the SMS, derived from (workflow, serial, generation); ACS's <c>repeatabilityRequestId</c>.</param>
/// <param name="FirstAttemptAt">When the first attempt was made, stored with the send claim; ACS's <c>repeatabilityFirstSent</c> (to the second).</param>
public sealed record SmsIdempotency(Guid RequestId, DateTimeOffset FirstAttemptAt)
{
    /// <summary>
    /// How long after <see cref="FirstAttemptAt"/> the provider recognises a repeat. ACS's "Repeatable requests" page:
    /// "currently, the tracked duration is 5 minutes"; a repeat whose first attempt is older is refused (HTTP 412) and
    /// nothing is sent, so the sender cannot tell whether the first attempt went out. Every <see cref="ISmsSender"/>
    /// recognises a repeat for at least this long.
    /// </summary>
    public static readonly TimeSpan RepeatabilityWindow = TimeSpan.FromMinutes(5);

    /// <summary>The workflow the SMS belongs to (what the dev inbox shows next to it); not part of the provider request.</summary>
    public Guid? WorkflowId { get; init; }

    /// <summary>
    /// The idempotency of SMS <paramref name="serial"/> of a workflow, attempt generation <paramref name="generation"/>:
    /// the same id on every host and every retry, a new one for each generation.
    /// </summary>
    public static SmsIdempotency ForNotification(Guid workflowId, int serial, int generation, DateTimeOffset firstAttemptAt) =>
        new(DeterministicId.From(workflowId, string.Create(CultureInfo.InvariantCulture, $"sms:{serial}:{generation}")), firstAttemptAt)
        {
            WorkflowId = workflowId,
        };
}
