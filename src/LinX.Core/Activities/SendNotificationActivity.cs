using LinX.Core.Businesses;
using LinX.Core.Notifications;
using LinX.Core.Orchestration;
using LinX.Core.Security;
using LinX.Core.Workflows;
using Microsoft.Extensions.Logging;

namespace LinX.Core.Activities;

/// <summary>
/// Sends SMS number N of a workflow, once: the history row (workflow, serial) is claimed before sending and turned
/// into the record right after, so a re-run returns the first result and a copy running at the same time on
/// another host waits for it instead of sending too. The phone number is decrypted from the workflow
/// row and the link token re-derived: neither is in the input or in history.
/// </summary>
public sealed class SendNotificationActivity : IActivity<SendNotificationInput, SendNotificationOutput>
{
    /// <summary>How long a claim keeps other copies from sending: twice the longest a send may take.</summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(60);

    /// <summary>The provider call is given up after this, so that it always ends well inside the claim's lease.</summary>
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How often a copy that found the claim held looks again.</summary>
    private static readonly TimeSpan ClaimPoll = TimeSpan.FromSeconds(1);

    private readonly INotificationStore _notifications;
    private readonly IWorkflowStore _workflows;
    private readonly IBusinessStore _businesses;
    private readonly ISmsSender _sms;
    private readonly LinXCrypto _crypto;
    private readonly SmsComposer _composer;
    private readonly TimeProvider _time;
    private readonly ILogger<SendNotificationActivity> _logger;

    public SendNotificationActivity(
        INotificationStore notifications,
        IWorkflowStore workflows,
        IBusinessStore businesses,
        ISmsSender sms,
        LinXCrypto crypto,
        SmsComposer composer,
        TimeProvider time,
        ILogger<SendNotificationActivity> logger)
    {
        _notifications = notifications;
        _workflows = workflows;
        _businesses = businesses;
        _sms = sms;
        _crypto = crypto;
        _composer = composer;
        _time = time;
        _logger = logger;
    }

    public async Task<SendNotificationOutput> RunAsync(SendNotificationInput input, CancellationToken cancellationToken)
    {
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

        var (result, workflow) = await SendOrReleaseAsync(input, claim, cancellationToken);

        // Sent: the record must be written even when the worker is stopping, or a retry would send again.
        var stored = await _notifications.CompleteAsync(
            claim,
            new NotificationRecord(
                input.WorkflowId, input.BusinessId, input.Serial, NotificationStep.SmsChannel, input.Origin, _time.GetUtcNow(),
                result.MessageId, workflow.MaskedPhoneNumber, Successful: true, Error: null),
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

    /// <summary>Sends the SMS; when nothing was sent (a refusal, an exception) gives the claim back for the retry.</summary>
    private async Task<(SmsSendResult Result, WorkflowRecord Workflow)> SendOrReleaseAsync(SendNotificationInput input, NotificationClaim claim, CancellationToken cancellationToken)
    {
        try
        {
            var workflow = await _workflows.GetAsync(input.BusinessId, input.WorkflowId, cancellationToken)
                ?? throw new InvalidOperationException("The workflow does not exist.");
            var business = await _businesses.GetAsync(input.BusinessId, cancellationToken)
                ?? throw new InvalidOperationException("The business does not exist.");
            var phone = _crypto.Decrypt(workflow.EncryptedPhoneNumber, workflow.WorkflowId.ToString("D"));
            var link = _composer.Link(_crypto.LinkToken(workflow.WorkflowId));
            var text = SmsComposer.Compose(
                input.Origin, business.Name, workflow.Plan.Notification.IntroductoryMessage, workflow.Title, link, workflow.ExpireAt);

            using var sendTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            sendTimeout.CancelAfter(SendTimeout);
            var result = await _sms.SendAsync(phone, text, sendTimeout.Token);
            _logger.SmsSent(input.WorkflowId, input.Serial, input.Origin.ToString(), workflow.MaskedPhoneNumber, result.Successful);
            if (!result.Successful)
            {
                throw new SmsDeliveryException("The SMS provider did not accept the message: " + (result.ErrorMessage ?? "no reason given"));
            }

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
