using LinX.Core.Businesses;
using LinX.Core.Common;
using LinX.Core.Workflows;

namespace LinX.Core.Management;

/// <summary>
/// The business side of workflows. Every read and write is tenant-checked: another business's workflow is
/// <see cref="ServiceOutcome.NotFound"/>.
/// </summary>
public sealed partial class WorkflowService
{
    /// <summary>Validates, checks references, stores and schedules a workflow. Nothing is persisted for a rejected request.</summary>
    public Task<ServiceResult<WorkflowCreated>> CreateAsync(
        Business business, ReadOnlyMemory<byte> body, string? idempotencyKey, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<ServiceResult<WorkflowDetails>> GetAsync(Business business, Guid workflowId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Newest first. <paramref name="page"/> is 1-based, <paramref name="size"/> 1–100.</summary>
    public Task<ServiceResult<ResultPage<WorkflowDetails>>> SearchAsync(
        Business business, WorkflowStatus? status, string? search, int page, int size, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<ServiceResult<WorkflowCommandAccepted>> CancelAsync(Business business, Guid workflowId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<ServiceResult<WorkflowCommandAccepted>> ResendAsync(Business business, Guid workflowId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Moves the expiry to <paramref name="newExpireAt"/>, or by <paramref name="hours"/> from the current expiry.</summary>
    public Task<ServiceResult<WorkflowCommandAccepted>> ExtendAsync(
        Business business, Guid workflowId, DateTimeOffset? newExpireAt, int? hours, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<ServiceResult<IReadOnlyList<NotificationView>>> GetNotificationsAsync(
        Business business, Guid workflowId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
