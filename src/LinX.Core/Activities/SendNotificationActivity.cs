using LinX.Core.Businesses;
using LinX.Core.Notifications;
using LinX.Core.Orchestration;
using LinX.Core.Security;
using LinX.Core.SmsOptOuts;
using LinX.Core.Workflows;
using Microsoft.Extensions.Logging;

namespace LinX.Core.Activities;

/// <summary>
/// Sends SMS number N of a workflow, once: the history row (workflow, serial) is claimed before sending and turned
/// into the record right after, so a re-run returns the first result and a copy running at the same time on
/// another host waits for it instead of sending too. Every attempt repeats the claim's provider request
/// (<see cref="NotificationClaim.Idempotency"/>), so a retry after a crash between the provider's acceptance and the
/// record is answered by the provider instead of sent again. The phone number is decrypted from the workflow
/// row and the link token re-derived: neither is in the input or in history. A reminder of a locked link is not sent;
/// nothing is sent to a number that opted out of the business (recorded as skipped: <see cref="ServiceErrorCodes.PhoneOptedOut"/>), and every sent SMS
/// records the business as the number's last sender (what a STOP reply opts it out of).
/// </summary>
public sealed class SendNotificationActivity : IActivity<SendNotificationInput, SendNotificationOutput>
{
    /// <summary>How long a claim keeps other copies from sending: twice the longest a send may take.</summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(60);

    /// <summary>The provider call is given up after this, so that it always ends well inside the claim's lease.</summary>
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How often a copy that found the claim held looks again.</summary>
    private static readonly TimeSpan ClaimPoll = TimeSpan.FromSeconds(1);

    /// <summary>How far the clocks of LinX's hosts and the provider's may differ, allowed for around the repeatability window.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The age of a first attempt past which it is not repeated but started anew (next generation, new request id): the
    /// provider's repeatability window less the longest a send may take and the clock skew, so that every try of a
    /// repeated send still falls inside the window. A later repeat would be refused without the provider saying whether
    /// the first attempt went out, and the SMS would be lost; a new attempt risks one duplicate instead.
    /// </summary>
    internal static readonly TimeSpan RepeatFirstAttemptFor = SmsIdempotency.RepeatabilityWindow - SendTimeout - ClockSkew;

    private readonly INotificationStore _notifications;
    private readonly IWorkflowStore _workflows;
    private readonly IBusinessStore _businesses;
    private readonly ISmsSender _sms;
    private readonly ISmsOptOutStore _optOuts;
    private readonly LinXCrypto _crypto;
    private readonly SmsComposer _composer;
    private readonly UpdateWorkflowStatusActivity _status;
    private readonly TimeProvider _time;
    private readonly ILogger<SendNotificationActivity> _logger;

    public SendNotificationActivity(
        INotificationStore notifications,
        IWorkflowStore workflows,
        IBusinessStore businesses,
        ISmsSender sms,
        ISmsOptOutStore optOuts,
        LinXCrypto crypto,
        SmsComposer composer,
        UpdateWorkflowStatusActivity status,
        TimeProvider time,
        ILogger<SendNotificationActivity> logger)
    {
        _status = status;
        _notifications = notifications;
        _workflows = workflows;
        _businesses = businesses;
        _sms = sms;
        _optOuts = optOuts;
        _crypto = crypto;
        _composer = composer;
        _time = time;
        _logger = logger;
    }

    /// <summary>Sends the SMS once, then writes the workflow row the orchestrator asked for, if any (<see cref="StatusAfterStep"/>).</summary>
    public async Task<SendNotificationOutput> RunAsync(SendNotificationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var output = await SendAsync(input, cancellationToken);
        await _status.WriteAfterStepAsync(input.Then, then => then.With(null), cancellationToken);
        return output;
    }

    private async Task<SendNotificationOutput> SendAsync(SendNotificationInput input, CancellationToken cancellationToken)
    {
        // A locked link is dead until the business sets a new passcode: reminders of it are skipped, and nothing is recorded
        // (the serial stays unused). Read here, not in the orchestrator, so that replays keep the first answer.
        if (input.Origin == NotificationOrigin.Reminder
            && await _workflows.GetAsync(input.BusinessId, input.WorkflowId, cancellationToken) is { IsLocked: true })
        {
            _logger.ReminderSkippedLocked(input.WorkflowId, input.Serial);
            return new SendNotificationOutput(input.Serial, input.Origin, _time.GetUtcNow(), Successful: false, ProviderMessageId: null);
        }

        var claim = await ClaimAsync(input, cancellationToken);
        if (claim.Sent is { } sent)
        {
            _logger.SmsAlreadySent(input.WorkflowId, input.Serial);
            return ToOutput(sent);
        }

        if (!claim.Acquired)
        {
            throw new NotificationInProgressException($"SMS {input.Serial} of workflow {input.WorkflowId} is being sent by another worker until {claim.HeldUntil:O}.");
        }

        claim = await RestartIfTooOldAsync(claim, cancellationToken);
        if (!claim.Acquired)
        {
            throw new NotificationInProgressException($"SMS {input.Serial} of workflow {input.WorkflowId} was taken over by another worker.");
        }

        var (result, workflow) = await SendOrReleaseAsync(input, claim, cancellationToken);

        // Sent, or skipped for an opt-out: the record must be written even when the worker is stopping, or a retry would
        // send again. A skipped SMS is recorded unsuccessful with its reason, once, and not retried.
        var stored = await _notifications.CompleteAsync(
            claim,
            new NotificationRecord(
                input.WorkflowId, input.BusinessId, input.Serial, NotificationStep.SmsChannel, input.Origin, _time.GetUtcNow(),
                result.MessageId, workflow.MaskedPhoneNumber, result.Successful, result.ErrorMessage),
            CancellationToken.None);
        return ToOutput(stored);
    }

    /// <summary>
    /// Claims the SMS, or finds it sent. While another copy holds the claim, looks again every second until the
    /// SMS is sent or the holder's lease has run out (a host that died holding it), so that a copy never uses up a
    /// retry of the orchestration's policy waiting for another.
    /// </summary>
    private async Task<NotificationClaim> ClaimAsync(SendNotificationInput input, CancellationToken cancellationToken)
    {
        var giveUpAt = _time.GetUtcNow() + ClaimLease + ClaimPoll;
        while (true)
        {
            var now = _time.GetUtcNow();
            var claim = await _notifications.ClaimAsync(input.WorkflowId, input.BusinessId, input.Serial, now, now + ClaimLease, cancellationToken);
            if (claim.Sent is not null || claim.Acquired || now >= giveUpAt)
            {
                return claim;
            }

            var untilLeaseEnds = claim.HeldUntil - now;
            await Task.Delay(untilLeaseEnds < ClaimPoll ? untilLeaseEnds : ClaimPoll, _time, cancellationToken);
        }
    }

    /// <summary>Starts the next attempt generation when the claim's first attempt is too old to repeat (<see cref="RepeatFirstAttemptFor"/>).</summary>
    private async Task<NotificationClaim> RestartIfTooOldAsync(NotificationClaim claim, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (now - claim.FirstAttemptAt <= RepeatFirstAttemptFor)
        {
            return claim;
        }

        var restarted = await _notifications.RestartAttemptAsync(claim, now, cancellationToken);
        _logger.SmsAttemptRestarted(claim.WorkflowId, claim.Serial, restarted.Generation);
        return restarted;
    }

    /// <summary>
    /// Sends the SMS; when no record can follow (a refusal, an exception) ends the claim's lease for the retry, which
    /// repeats the same provider request: the send may have reached the provider before it failed here.
    /// </summary>
    private async Task<(SmsSendResult Result, WorkflowRecord Workflow)> SendOrReleaseAsync(SendNotificationInput input, NotificationClaim claim, CancellationToken cancellationToken)
    {
        try
        {
            var workflow = await _workflows.GetAsync(input.BusinessId, input.WorkflowId, cancellationToken)
                ?? throw new InvalidOperationException("The workflow does not exist.");
            var business = await _businesses.GetAsync(input.BusinessId, cancellationToken)
                ?? throw new InvalidOperationException("The business does not exist.");
            var phone = _crypto.Decrypt(workflow.EncryptedPhoneNumber, workflow.WorkflowId.ToString("D"));
            if (await _optOuts.IsOptedOutAsync(input.BusinessId, phone, cancellationToken))
            {
                _logger.SmsSkippedOptedOut(input.WorkflowId, input.Serial, input.Origin.ToString());
                return (new SmsSendResult(false, null, ServiceErrorCodes.PhoneOptedOut), workflow);
            }

            var link = _composer.Link(_crypto.LinkToken(workflow.WorkflowId));
            var text = SmsComposer.Compose(
                input.Origin, business, workflow.Plan.Notification.IntroductoryMessage, MessageLocale.Resolve(workflow.Plan, business), link, workflow.ExpireAt);

            using var sendTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            sendTimeout.CancelAfter(SendTimeout);
            var result = await _sms.SendAsync(phone, text, claim.Idempotency, sendTimeout.Token);
            _logger.SmsSent(input.WorkflowId, input.Serial, input.Origin.ToString(), workflow.MaskedPhoneNumber, result.Successful);
            if (!result.Successful)
            {
                throw new SmsDeliveryException("The SMS provider did not accept the message: " + (result.ErrorMessage ?? "no reason given"));
            }

            await _optOuts.RecordTextedAsync(input.BusinessId, phone, _time.GetUtcNow(), CancellationToken.None);

            return (result, workflow);
        }
        catch (Exception)
        {
            await _notifications.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }
    }

    private static SendNotificationOutput ToOutput(NotificationRecord record) =>
        new(record.Serial, record.Origin, record.SentAt, record.Successful, record.ProviderMessageId);
}
