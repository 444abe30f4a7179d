using LinX.Core.Workflows;

namespace LinX.Core.Batches;

/// <summary>The answer to a batch's create (RocketKOR's LinX Batch object): its id and the idempotency key it was created with.</summary>
public sealed record BatchAccepted(Guid BatchId, string IdempotencyKey);

/// <summary>
/// A batch as the business reads it (RocketKOR's LinX Batch Detail object). The counts are of the workflows the batch
/// started, by their current status (active counts CREATED and ACTIVE; cancelled also counts the entries the cancel
/// stopped before they started), of the entries rejected, and of those not started yet (pending).
/// </summary>
public sealed record BatchDetails(
    Guid Id,
    BatchStatus Status,
    Guid TemplateId,
    Guid TemplateVersionId,
    int TemplateVersion,
    string TemplateDisplayName,
    int ActiveRequestsCount,
    int CancelledRequestsCount,
    int CompletedRequestsCount,
    int DeclinedRequestsCount,
    int ExpiredRequestsCount,
    int FailedRequestsCount,
    int RejectedRequestsCount,
    int PendingRequestsCount,
    int TotalRequestsCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static BatchDetails From(BatchRecord batch, BatchCounts counts)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(counts);
        return new(
            batch.BatchId, batch.Status, batch.Template.TemplateId, batch.Template.TemplateVersionId, batch.Template.TemplateVersion,
            batch.Template.TemplateDisplayName,
            counts.Of(WorkflowStatus.Created) + counts.Of(WorkflowStatus.Active),
            counts.Of(WorkflowStatus.Cancelled) + counts.CancelledBeforeStart,
            counts.Of(WorkflowStatus.Completed),
            counts.Of(WorkflowStatus.Declined),
            counts.Of(WorkflowStatus.Expired),
            counts.Of(WorkflowStatus.Failed),
            counts.Rejected,
            batch.EntryCount - counts.Rejected - counts.Started - counts.CancelledBeforeStart,
            batch.EntryCount,
            batch.CreatedAt,
            batch.UpdatedAt);
    }
}

/// <summary>
/// One entry of a batch (RocketKOR's LinX Batch Status object): its position and title, its status, the workflow it
/// started (<c>id</c>, with that workflow's status), the masked phone number, and for a REJECTED entry the first error
/// and every field error (paths relative to the entry, e.g. <c>$.parameters.phoneNumber</c>).
/// </summary>
public sealed record BatchEntryView(
    int Position,
    string? Title,
    Guid? Id,
    BatchEntryStatus Status,
    WorkflowStatus? WorkflowStatus,
    string? PhoneNumber,
    string? ErrorCode,
    string? ErrorMessage,
    IReadOnlyList<BatchFieldError> FieldErrors);

/// <summary>One problem of a rejected entry: where (<c>fieldName</c>, a path in the entry), its code and message.</summary>
public sealed record BatchFieldError(string FieldName, string Code, string Message);
