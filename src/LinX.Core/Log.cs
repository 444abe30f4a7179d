using Microsoft.Extensions.Logging;

namespace LinX.Core;

/// <summary>The log messages of LinX.Core. No personal data: ids, statuses and masked values only.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Workflow {WorkflowId} of business {BusinessId} created with {StepCount} steps")]
    public static partial void WorkflowCreated(this ILogger logger, Guid workflowId, Guid businessId, int stepCount);

    [LoggerMessage(2, LogLevel.Information, "Workflow {WorkflowId} is {Status} at step {CurrentStep}")]
    public static partial void WorkflowStatusChanged(this ILogger logger, Guid workflowId, string status, int currentStep);

    [LoggerMessage(3, LogLevel.Information, "SMS {Serial} ({Origin}) of workflow {WorkflowId} to {MaskedPhone}: successful={Successful}")]
    public static partial void SmsSent(this ILogger logger, Guid workflowId, int serial, string origin, string maskedPhone, bool successful);

    [LoggerMessage(4, LogLevel.Information, "SMS {Serial} of workflow {WorkflowId} was already sent; not sending again")]
    public static partial void SmsAlreadySent(this ILogger logger, Guid workflowId, int serial);

    [LoggerMessage(10, LogLevel.Warning, "SMS {Serial} of workflow {WorkflowId}: first attempt too old for the provider to recognise a repeat; attempt generation {Generation} starts with a new request id")]
    public static partial void SmsAttemptRestarted(this ILogger logger, Guid workflowId, int serial, int generation);

    [LoggerMessage(5, LogLevel.Warning, "Activity {Activity} of workflow {WorkflowId} failed for good: {ErrorType}")]
    public static partial void ActivityFailed(this ILogger logger, string activity, Guid workflowId, string errorType);

    [LoggerMessage(6, LogLevel.Information, "Transaction {TransactionId} of workflow {WorkflowId} is {Status}")]
    public static partial void TransactionStatus(this ILogger logger, Guid transactionId, Guid? workflowId, string status);

    [LoggerMessage(7, LogLevel.Information, "Workflow {WorkflowId} ignored a {Kind} event for step {StepName}")]
    public static partial void EventIgnored(this ILogger logger, Guid workflowId, string kind, string? stepName);

    [LoggerMessage(8, LogLevel.Warning, "Wrong passcode for workflow {WorkflowId} ({Attempts} attempts)")]
    public static partial void WrongPasscode(this ILogger logger, Guid workflowId, int attempts);

    [LoggerMessage(9, LogLevel.Information, "Workflow {WorkflowId}: customer submitted step {StepName}")]
    public static partial void StepSubmitted(this ILogger logger, Guid workflowId, string stepName);
}

/// <summary>The batch log messages of LinX.Core: ids, counts and statuses only, never an entry's data.</summary>
internal static partial class BatchLog
{
    [LoggerMessage(90, LogLevel.Information, "Batch {BatchId} of business {BusinessId} accepted with {EntryCount} entries")]
    public static partial void BatchCreated(this ILogger logger, Guid batchId, Guid businessId, int entryCount);

    [LoggerMessage(91, LogLevel.Information, "Batch {BatchId} queued: {EntryCount} entries to start")]
    public static partial void BatchQueued(this ILogger logger, Guid batchId, int entryCount);

    [LoggerMessage(92, LogLevel.Information, "Batch {BatchId} is {Status} with {Started} workflows started")]
    public static partial void BatchEnded(this ILogger logger, Guid batchId, string status, int started);

    [LoggerMessage(93, LogLevel.Information, "Batch {BatchId} cancelled by its business")]
    public static partial void BatchCancelled(this ILogger logger, Guid batchId);
}

/// <summary>The webhook log messages of LinX.Core: ids and status codes only, never bodies or secrets.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(20, LogLevel.Information, "Webhook dispatcher started for subscription {SubscriptionId}, workflow {WorkflowId}")]
    public static partial void WebhookDispatcherStarted(this ILogger logger, Guid subscriptionId, Guid workflowId);

    [LoggerMessage(21, LogLevel.Information, "Webhook event {EventId} to subscription {SubscriptionId}: {Result} -> {Outcome}")]
    public static partial void WebhookAttempted(this ILogger logger, Guid subscriptionId, Guid eventId, string result, string outcome);

    [LoggerMessage(22, LogLevel.Information, "Webhook subscription {SubscriptionId} of business {BusinessId}: {Change}")]
    public static partial void WebhookSubscriptionChanged(this ILogger logger, Guid subscriptionId, Guid businessId, string change);

    [LoggerMessage(23, LogLevel.Warning, "Workflow {WorkflowId} could not be started, nor marked so ({ExceptionType})")]
    public static partial void WorkflowNotMarked(this ILogger logger, Guid workflowId, string exceptionType);

    [LoggerMessage(36, LogLevel.Information, "Reminder {Serial} of workflow {WorkflowId} not sent: the link is locked")]
    public static partial void ReminderSkippedLocked(this ILogger logger, Guid workflowId, int serial);

    [LoggerMessage(37, LogLevel.Information, "Workflow {WorkflowId}: the business set a new passcode; the link is unlocked")]
    public static partial void PasscodeReplaced(this ILogger logger, Guid workflowId);

    [LoggerMessage(60, LogLevel.Information, "Business {BusinessId}: profile replaced")]
    public static partial void BusinessProfileReplaced(this ILogger logger, Guid businessId);

    [LoggerMessage(61, LogLevel.Information, "Business {BusinessId}: logo {Change}")]
    public static partial void BusinessLogoChanged(this ILogger logger, Guid businessId, string change);

    [LoggerMessage(62, LogLevel.Information, "Business {BusinessId}: number {OptOutId} opted out ({Source})")]
    public static partial void SmsOptOutAdded(this ILogger logger, Guid businessId, string optOutId, string source);

    [LoggerMessage(63, LogLevel.Information, "Business {BusinessId}: number {OptOutId} opted back in ({Source})")]
    public static partial void SmsOptOutRemoved(this ILogger logger, Guid businessId, string optOutId, string source);

    [LoggerMessage(64, LogLevel.Information, "SMS {Serial} ({Origin}) of workflow {WorkflowId} not sent: the number opted out of the business")]
    public static partial void SmsSkippedOptedOut(this ILogger logger, Guid workflowId, int serial, string origin);

    [LoggerMessage(65, LogLevel.Information, "Inbound SMS {MessageId}: {Outcome}")]
    public static partial void InboundSmsHandled(this ILogger logger, string messageId, string outcome);

    [LoggerMessage(70, LogLevel.Information, "Business {BusinessId}: document {DocumentId} version {Version} stored")]
    public static partial void BusinessDocumentStored(this ILogger logger, Guid businessId, string documentId, int version);

    [LoggerMessage(71, LogLevel.Information, "Workflow {WorkflowId}: profile of customer {CustomerId} enhanced")]
    public static partial void CustomerProfileEnhanced(this ILogger logger, Guid workflowId, Guid customerId);

    [LoggerMessage(72, LogLevel.Information, "Workflow {WorkflowId}: {Count} document(s) accepted")]
    public static partial void DocumentsAccepted(this ILogger logger, Guid workflowId, int count);

    [LoggerMessage(80, LogLevel.Information, "Template {TemplateId} of business {BusinessId} created (version 1, {StepCount} steps)")]
    public static partial void TemplateCreated(this ILogger logger, Guid templateId, Guid businessId, int stepCount);

    [LoggerMessage(81, LogLevel.Information, "Template {TemplateId} of business {BusinessId} has a new version {Version} ({TemplateVersionId})")]
    public static partial void TemplateVersionAdded(this ILogger logger, Guid templateId, Guid businessId, int version, Guid templateVersionId);

    [LoggerMessage(82, LogLevel.Information, "Template {TemplateId} of business {BusinessId} is {State}")]
    public static partial void TemplateStateChanged(this ILogger logger, Guid templateId, Guid businessId, string state);
}
