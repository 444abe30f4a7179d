using System.Text.Json;
using LinX.Core.Businesses;
using LinX.Core.Common;
using LinX.Core.Management;
using LinX.Core.Orchestration;
using LinX.Core.Security;
using LinX.Core.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LinX.Core.Batches;

/// <summary>
/// The business side of batches. Create answers at once: it checks the header, stores the entries (encrypted) and
/// schedules <see cref="BatchOrchestration"/>, which validates and starts them. Every read is tenant-checked: another
/// business's batch is <see cref="ServiceOutcome.NotFound"/>.
/// </summary>
public sealed class BatchService
{
    private static readonly FieldError NotFoundError = new("$", "No such batch.", ServiceErrorCodes.NotFound);

    private readonly IBatchStore _batches;
    private readonly IBatchTemplates _templates;
    private readonly DurableTaskClient _orchestrations;
    private readonly LinXCrypto _crypto;
    private readonly BatchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BatchService> _logger;

    public BatchService(
        IBatchStore batches, IBatchTemplates templates, DurableTaskClient orchestrations, LinXCrypto crypto, IOptions<BatchOptions> options, TimeProvider time, ILogger<BatchService> logger)
    {
        _batches = batches;
        _templates = templates;
        _orchestrations = orchestrations;
        _crypto = crypto;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Checks the header (every problem at once; nothing stored when there is one), stores the batch and its entries and
    /// schedules it. The same idempotency key and body answer the same batch; the key with another body is a Conflict.
    /// </summary>
    public async Task<ServiceResult<BatchAccepted>> CreateAsync(Business business, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        var (request, errors) = BatchRequestReader.Read(body.Span);
        if (request is null)
        {
            return ServiceResult.Fail<BatchAccepted>(ServiceOutcome.Invalid, errors);
        }

        var key = request.IdempotencyKey ?? Guid.NewGuid().ToString("D");
        var keyHash = Hashing.Sha256Hex(key);
        var requestHash = IdempotencyFingerprint.Of(body.Span);
        if (await _batches.FindByIdempotencyKeyAsync(business.BusinessId, keyHash, cancellationToken) is { } earlier)
        {
            return await ReplayAsync(earlier, key, requestHash, cancellationToken);
        }

        var template = await _templates.ResolveAsync(business, request.TemplateId, request.TemplateName, cancellationToken);
        if (template.Value is not { } pinned)
        {
            return ServiceResult.Fail<BatchAccepted>(template.Outcome, template.Errors);
        }

        var batchId = DeterministicId.From(business.BusinessId, "batch/" + keyHash);
        var now = _time.GetUtcNow();
        var batch = new BatchRecord
        {
            BatchId = batchId,
            BusinessId = business.BusinessId,
            Status = BatchStatus.New,
            Template = pinned,
            EntryCount = request.Entries.Count,
            IdempotencyKeyHash = keyHash,
            RequestHash = requestHash,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var sealedEntries = request.Entries.Select((entry, i) => _crypto.Encrypt(entry, BatchEntryRecord.CryptoContext(batchId, i))).ToList();
        var stored = await _batches.CreateAsync(batch, sealedEntries, cancellationToken);
        if (!stored.Created)
        {
            return await ReplayAsync(stored.Batch, key, requestHash, cancellationToken); // lost a race on the same key
        }

        await ScheduleAsync(batch, cancellationToken);
        _logger.BatchCreated(batchId, business.BusinessId, batch.EntryCount);
        return ServiceResult.Accepted(new BatchAccepted(batchId, key));
    }

    /// <summary>The batch with its counts.</summary>
    public async Task<ServiceResult<BatchDetails>> GetAsync(Business business, Guid batchId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        return await _batches.GetAsync(business.BusinessId, batchId, cancellationToken) is { } batch
            ? ServiceResult.Ok(BatchDetails.From(batch, await _batches.GetCountsAsync(batchId, cancellationToken)))
            : ServiceResult.Fail<BatchDetails>(ServiceOutcome.NotFound, NotFoundError);
    }

    /// <summary>The business's batches, newest first, with their counts.</summary>
    public async Task<ServiceResult<ResultPage<BatchDetails>>> ListAsync(Business business, BatchStatus? status, int page, int size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        var found = await _batches.ListAsync(business.BusinessId, status, page, size, cancellationToken);
        var details = await Task.WhenAll(found.Items.Select(async b => BatchDetails.From(b, await _batches.GetCountsAsync(b.BatchId, cancellationToken))));
        return ServiceResult.Ok(new ResultPage<BatchDetails>(details, found.PageNumber, found.Size, found.TotalCount));
    }

    /// <summary>The batch's entries in position order, optionally of one status.</summary>
    public async Task<ServiceResult<ResultPage<BatchEntryView>>> ListEntriesAsync(
        Business business, Guid batchId, BatchEntryStatus? status, int page, int size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        if (await _batches.GetAsync(business.BusinessId, batchId, cancellationToken) is null)
        {
            return ServiceResult.Fail<ResultPage<BatchEntryView>>(ServiceOutcome.NotFound, NotFoundError);
        }

        var found = await _batches.ListEntriesAsync(batchId, status, page, size, cancellationToken);
        return ServiceResult.Ok(new ResultPage<BatchEntryView>([.. found.Items.Select(e => View(batchId, e))], found.PageNumber, found.Size, found.TotalCount));
    }

    /// <summary>
    /// Cancels the batch: CANCELLING at once, then its orchestrator (started again if it had ended) stops every entry not
    /// started and cancels the started workflows through the business's cancel. Cancelling again is accepted and changes nothing.
    /// </summary>
    public async Task<ServiceResult<BatchDetails>> CancelAsync(Business business, Guid batchId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        if (await _batches.GetAsync(business.BusinessId, batchId, cancellationToken) is not { } batch)
        {
            return ServiceResult.Fail<BatchDetails>(ServiceOutcome.NotFound, NotFoundError);
        }

        if (batch.Status is BatchStatus.Invalid or BatchStatus.Failed)
        {
            return ServiceResult.Fail<BatchDetails>(ServiceOutcome.Conflict, new FieldError(
                "$", $"The batch is {batch.Status.ToString().ToUpperInvariant()}: none of its entries runs, so there is nothing to cancel.", ServiceErrorCodes.BatchNotCancellable));
        }

        if (batch.Status != BatchStatus.Cancelling
            && await _batches.TrySetStatusAsync(business.BusinessId, batchId, [BatchStatus.New, BatchStatus.Queued, BatchStatus.Completed], BatchStatus.Cancelling, cancellationToken))
        {
            _logger.BatchCancelled(batchId);
        }

        // A running orchestrator sees CANCELLING at its next chunk; an ended one is started again to cancel.
        await _orchestrations.ScheduleUnlessRunningAsync(
            BatchOrchestration.Name, Input(batch) with { Phase = BatchStatus.Cancelling }, BatchOrchestration.InstanceIdOf(batchId), cancellationToken);
        return await GetAsync(business, batchId, cancellationToken) is { Value: { } details } ? ServiceResult.Accepted(details) : ServiceResult.Fail<BatchDetails>(ServiceOutcome.NotFound, NotFoundError);
    }

    private async Task<ServiceResult<BatchAccepted>> ReplayAsync(BatchRecord earlier, string key, string requestHash, CancellationToken cancellationToken)
    {
        if (earlier.RequestHash != requestHash)
        {
            return ServiceResult.Fail<BatchAccepted>(ServiceOutcome.Conflict, new FieldError(
                BatchRequestReader.KeyPath, "This idempotencyKey was used with another batch.", ServiceErrorCodes.IdempotencyKeyReused));
        }

        await ScheduleAsync(earlier, cancellationToken); // a create that stopped after storing still starts
        return ServiceResult.Accepted(new BatchAccepted(earlier.BatchId, key));
    }

    private Task ScheduleAsync(BatchRecord batch, CancellationToken cancellationToken) =>
        _orchestrations.ScheduleOnceAsync(BatchOrchestration.Name, Input(batch), BatchOrchestration.InstanceIdOf(batch.BatchId), cancellationToken);

    private BatchOrchestrationInput Input(BatchRecord batch) =>
        new(batch.BatchId, batch.BusinessId, BatchStatus.Queued, 0, _options.ChunkSize, _options.WorkflowsPerSecond);

    private BatchEntryView View(Guid batchId, BatchEntryRecord entry)
    {
        var context = BatchEntryRecord.CryptoContext(batchId, entry.Position);
        var errors = entry.EncryptedFieldErrors is { } sealedErrors
            ? JsonSerializer.Deserialize<List<FieldError>>(_crypto.Decrypt(sealedErrors, context), WorkflowJson.Options) ?? []
            : [];
        return new BatchEntryView(
            entry.Position, TitleOf(_crypto.Decrypt(entry.EncryptedEntry, context)), entry.WorkflowId, entry.Status, entry.WorkflowStatus, entry.MaskedPhoneNumber,
            errors.FirstOrDefault()?.ErrorCode, errors.FirstOrDefault()?.Message, [.. errors.Select(e => new BatchFieldError(e.Path, e.ErrorCode, e.Message))]);
    }

    private static string? TitleOf(string entryJson)
    {
        using var entry = JsonDocument.Parse(entryJson);
        return entry.RootElement.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString() : null;
    }
}
