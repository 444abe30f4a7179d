using System.Text.Json;
using LinX.Core.Businesses;
using LinX.Core.Common;
using LinX.Core.Management;
using LinX.Core.Security;
using LinX.Core.Workflows;

namespace LinX.Core.Batches;

/// <summary>
/// Starts, rejects or cancels one entry of a batch; idempotent, as activities run at least once. An entry's workflow is
/// created through <see cref="WorkflowService"/>'s create path with an idempotency key derived from (batch, position):
/// when a run stops after the create and before the entry is marked, the next run finds that workflow and starts no other.
/// </summary>
public sealed class BatchEntryStarter
{
    private readonly IBatchStore _batches;
    private readonly IWorkflowStore _workflows;
    private readonly WorkflowService _service;
    private readonly LinXCrypto _crypto;

    public BatchEntryStarter(IBatchStore batches, IWorkflowStore workflows, WorkflowService service, LinXCrypto crypto)
    {
        _batches = batches;
        _workflows = workflows;
        _service = service;
        _crypto = crypto;
    }

    /// <summary>The idempotency key hash of an entry's workflow: the same on every run, never one a business could send.</summary>
    public static string KeyHashOf(Guid batchId, int position) => Hashing.Sha256Hex(FormattableString.Invariant($"linx-batch/{batchId:N}/{position}"));

    /// <summary>Starts a PENDING entry, or rejects it with its problems; true when its workflow exists now.</summary>
    public async Task<bool> StartAsync(
        Business business, Guid batchId, BatchEntryRecord entry, Func<string, WorkflowValidationResult> compose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(compose);
        if (entry.Status != BatchEntryStatus.Pending)
        {
            return false;
        }

        var json = _crypto.Decrypt(entry.EncryptedEntry, BatchEntryRecord.CryptoContext(batchId, entry.Position));
        var validation = compose(json);
        if (!validation.IsValid)
        {
            await RejectAsync(batchId, entry.Position, validation.Errors, null, cancellationToken);
            return false;
        }

        var plan = validation.Plan!;
        var masked = plan.Notification.DeliveredByBusiness ? null : Masking.Phone(plan.Notification.PhoneNumber);
        var keyHash = KeyHashOf(batchId, entry.Position);
        if (await _workflows.FindByIdempotencyKeyAsync(business.BusinessId, keyHash, cancellationToken) is null
            && await _service.CheckAllReferencesAsync(business, plan, cancellationToken) is { Count: > 0 } referenceErrors)
        {
            await RejectAsync(batchId, entry.Position, referenceErrors, masked, cancellationToken);
            return false;
        }

        var created = await _service.CreateValidatedAsync(
            business, plan, IdempotencyFingerprint.Of(System.Text.Encoding.UTF8.GetBytes(json)), keyHash, cancellationToken, new BatchEntryRef(batchId, entry.Position));
        if (created.Value is not { } workflow)
        {
            throw new InvalidOperationException("The entry's workflow could not be created: " + created.Outcome);
        }

        await _batches.UpdateEntryAsync(batchId, entry.Position, e => e.Status == BatchEntryStatus.Started ? null : e with
        {
            Status = BatchEntryStatus.Started,
            WorkflowId = workflow.WorkflowId,
            WorkflowStatus = e.WorkflowStatus ?? WorkflowStatus.Created,
            MaskedPhoneNumber = masked,
        }, cancellationToken);
        return true;
    }

    /// <summary>Cancels an entry of a cancelled batch: a PENDING one never starts; a started one's workflow is cancelled.</summary>
    public async Task CancelAsync(Business business, Guid batchId, BatchEntryRecord entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Status == BatchEntryStatus.Pending)
        {
            await _batches.UpdateEntryAsync(batchId, entry.Position, e => e.Status == BatchEntryStatus.Pending ? e with { Status = BatchEntryStatus.Cancelled } : null, cancellationToken);
        }
        else if (entry is { Status: BatchEntryStatus.Started, WorkflowId: { } workflowId } && entry.WorkflowStatus?.IsOpen() != false)
        {
            // Through the business's own cancel: an ended workflow, or one whose customer accepted, answers Conflict and stays.
            await _service.CancelAsync(business, workflowId, cancellationToken);
        }
    }

    private Task<BatchEntryRecord?> RejectAsync(Guid batchId, int position, IReadOnlyList<FieldError> errors, string? masked, CancellationToken cancellationToken)
    {
        var relative = errors.Select(e => e with { Path = EntryPath(e.Path) }).ToList();
        var sealedErrors = _crypto.Encrypt(JsonSerializer.Serialize(relative, WorkflowJson.Options), BatchEntryRecord.CryptoContext(batchId, position));
        return _batches.UpdateEntryAsync(batchId, position, e => e.Status != BatchEntryStatus.Pending ? null : e with
        {
            Status = BatchEntryStatus.Rejected,
            EncryptedFieldErrors = sealedErrors,
            MaskedPhoneNumber = masked,
        }, cancellationToken);
    }

    /// <summary>A workflow request's path as the entry's: its expiry is <c>expiryInHours</c> there.</summary>
    private static string EntryPath(string path) => path.StartsWith("$.expireInHours", StringComparison.Ordinal) ? "$.expiryInHours" + path["$.expireInHours".Length..] : path;
}
