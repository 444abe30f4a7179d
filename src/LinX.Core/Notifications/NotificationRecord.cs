namespace LinX.Core.Notifications;

/// <summary>One sent notification of a workflow: a row of the history, keyed by (workflow, serial).</summary>
public sealed record NotificationRecord(
    Guid WorkflowId,
    Guid BusinessId,
    int Serial,
    string Channel,
    NotificationOrigin Origin,
    DateTimeOffset SentAt,
    string? ProviderMessageId,
    string MaskedPhoneNumber,
    bool Successful,
    string? Error);
