using LinX.Core.Businesses;
using LinX.Core.Notifications;
using LinX.Core.Orchestration;
using LinX.Core.Security;
using LinX.Core.Workflows;
using Microsoft.Extensions.Logging;

namespace LinX.Core.Activities;

/// <summary>
/// Sends SMS number N of a workflow, once: the history row (workflow, serial) is checked before sending and
/// written right after, so a re-run returns the first result. The phone number is decrypted from the workflow
/// row and the link token re-derived: neither is in the input or in history.
/// </summary>
public sealed class SendNotificationActivity : IActivity<SendNotificationInput, SendNotificationOutput>
{
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
        if (await _notifications.GetAsync(input.WorkflowId, input.Serial, cancellationToken) is { } sent)
        {
            _logger.SmsAlreadySent(input.WorkflowId, input.Serial);
            return ToOutput(sent);
        }

        var workflow = await _workflows.GetAsync(input.BusinessId, input.WorkflowId, cancellationToken)
            ?? throw new InvalidOperationException("The workflow does not exist.");
        var business = await _businesses.GetAsync(input.BusinessId, cancellationToken)
            ?? throw new InvalidOperationException("The business does not exist.");
        var phone = _crypto.Decrypt(workflow.EncryptedPhoneNumber, workflow.WorkflowId.ToString("D"));
        var link = _composer.Link(_crypto.LinkToken(workflow.WorkflowId));
        var text = SmsComposer.Compose(
            input.Origin, business.Name, workflow.Plan.Notification.IntroductoryMessage, workflow.Title, link, workflow.ExpireAt);

        var result = await _sms.SendAsync(phone, text, cancellationToken);
        _logger.SmsSent(input.WorkflowId, input.Serial, input.Origin.ToString(), workflow.MaskedPhoneNumber, result.Successful);
        if (!result.Successful)
        {
            throw new SmsDeliveryException("The SMS provider did not accept the message: " + (result.ErrorMessage ?? "no reason given"));
        }

        var stored = await _notifications.AddAsync(
            new NotificationRecord(
                input.WorkflowId, input.BusinessId, input.Serial, NotificationStep.SmsChannel, input.Origin, _time.GetUtcNow(),
                result.MessageId, workflow.MaskedPhoneNumber, Successful: true, Error: null),
            cancellationToken);
        return ToOutput(stored);
    }

    private static SendNotificationOutput ToOutput(NotificationRecord record) =>
        new(record.Serial, record.Origin, record.SentAt, record.Successful, record.ProviderMessageId);
}
