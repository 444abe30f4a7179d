using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using LinX.Core.Common;
using LinX.Core.Payments;
using LinX.Core.Workflows;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// Workflows: PK = business id, RK = workflow id; idempotency index rows in the same partition
/// (RK = <c>idem-{sha256(key)}</c>) written in the same entity-group transaction as the workflow.
/// </summary>
internal sealed class TableWorkflowStore : IWorkflowStore
{
    private const string WorkflowKind = "workflow";
    private const string IdempotencyKind = "idempotency";
    private const int MaxConcurrencyRetries = 10;

    private readonly TableClient _table;

    public TableWorkflowStore(TableStorage storage)
    {
        _table = storage.Workflows;
    }

    public async Task<WorkflowCreateResult> CreateAsync(WorkflowRecord workflow, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            List<TableTransactionAction> actions = [new(TableTransactionActionType.Add, WorkflowEntity.From(workflow))];
            if (workflow.IdempotencyKeyHash is { } keyHash)
            {
                actions.Add(new(TableTransactionActionType.Add, new TableEntity(TableKeys.Of(workflow.BusinessId), IdempotencyRowKey(keyHash))
                {
                    ["Kind"] = IdempotencyKind,
                    ["WorkflowId"] = workflow.WorkflowId,
                }));
            }

            // A workflow of a template counts in its version's usage counters in the same transaction (ADR 0021).
            if (workflow is { TemplateId: { } templateId, TemplateVersionId: { } versionId })
            {
                actions.Add(await TemplateUsageCounters.ChangeAsync(
                    _table, workflow.BusinessId, templateId, versionId, workflow.WorkflowId, 1, 1, workflow.CreatedAt, cancellationToken));
            }

            try
            {
                // The row is what was just written: reading it back would cost a storage request per create.
                await _table.SubmitTransactionAsync(actions, cancellationToken);
                return new WorkflowCreateResult(true, workflow);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                var existing = workflow.IdempotencyKeyHash is { } hash
                    ? await FindByIdempotencyKeyAsync(workflow.BusinessId, hash, cancellationToken)
                    : null;
                existing ??= await GetAsync(workflow.BusinessId, workflow.WorkflowId, cancellationToken);
                if (existing is not null)
                {
                    return new WorkflowCreateResult(false, existing);
                }

                // Nothing of this workflow exists: another create moved the template's counter first; count again.
                if (workflow.TemplateId is null || attempt >= MaxConcurrencyRetries)
                {
                    throw new InvalidOperationException("Conflicting workflow not found.", e);
                }
            }
        }
    }

    public async Task<WorkflowRecord?> GetAsync(Guid businessId, Guid workflowId, CancellationToken cancellationToken)
    {
        var entity = await _table.GetEntityIfExistsAsync<WorkflowEntity>(TableKeys.Of(businessId), TableKeys.Of(workflowId), cancellationToken: cancellationToken);
        return entity.HasValue && entity.Value is { Kind: WorkflowKind } value ? value.ToRecord() : null;
    }

    public async Task<WorkflowRecord?> FindByIdempotencyKeyAsync(Guid businessId, string idempotencyKeyHash, CancellationToken cancellationToken)
    {
        var index = await _table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Of(businessId), IdempotencyRowKey(idempotencyKeyHash), cancellationToken: cancellationToken);
        return index.HasValue && index.Value?.GetGuid("WorkflowId") is { } workflowId
            ? await GetAsync(businessId, workflowId, cancellationToken)
            : null;
    }

    /// <summary>
    /// Newest first. Table Storage can neither sort by time nor match "contains", so this reads the business's rows,
    /// but only three columns of each, keeps just the <c>page x size</c> newest matches, and then reads the page's
    /// rows in full: memory follows the page asked for, not the number of workflows.
    /// </summary>
    public async Task<ResultPage<WorkflowRecord>> SearchAsync(
        Guid businessId, WorkflowStatus? status, string? titleContains, int page, int size, CancellationToken cancellationToken)
    {
        var filter = status is { } s
            ? TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Of(businessId)} and Kind eq {WorkflowKind} and Status eq {s.ToContractString()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Of(businessId)} and Kind eq {WorkflowKind}");
        var keep = (int)Math.Min((long)page * size, int.MaxValue);
        var newest = new PriorityQueue<string, (DateTimeOffset CreatedAt, string Id)>(NewestLast.Instance);
        var total = 0;
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey", nameof(WorkflowEntity.CreatedAt), nameof(WorkflowEntity.Title)], cancellationToken: cancellationToken))
        {
            if (string.IsNullOrEmpty(titleContains) || (row.GetString(nameof(WorkflowEntity.Title)) ?? string.Empty).Contains(titleContains, StringComparison.OrdinalIgnoreCase))
            {
                total++;
                newest.Enqueue(row.RowKey, (row.GetDateTimeOffset(nameof(WorkflowEntity.CreatedAt)) ?? DateTimeOffset.MinValue, row.RowKey));
                if (newest.Count > keep)
                {
                    newest.Dequeue();
                }
            }
        }

        // The queue gives the kept rows oldest first; the page is the oldest of them, shown newest first.
        var onPage = (int)Math.Clamp(newest.Count - ((page - 1L) * size), 0, size);
        var ids = new List<string>(onPage);
        while (ids.Count < onPage)
        {
            ids.Add(newest.Dequeue());
        }

        ids.Reverse();
        var records = await Task.WhenAll(ids.Select(id => GetAsync(businessId, Guid.Parse(id), cancellationToken)));
        // A row may have changed status (or gone) since the scan: the page shows what is true now.
        return new ResultPage<WorkflowRecord>([.. records.OfType<WorkflowRecord>().Where(r => status is null || r.Status == status)], page, size, total);
    }

    public async Task<bool> ApplyAsync(WorkflowStatusUpdate update, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var response = await _table.GetEntityIfExistsAsync<WorkflowEntity>(
                TableKeys.Of(update.BusinessId), TableKeys.Of(update.WorkflowId), cancellationToken: cancellationToken);
            var entity = response.HasValue ? response.Value : null;
            if (entity is null)
            {
                throw new InvalidOperationException("The workflow does not exist.");
            }

            if (entity.Version >= update.Version)
            {
                return false;
            }

            var before = Enum.Parse<WorkflowStatus>(entity.Status, ignoreCase: true);
            entity.Apply(update);
            try
            {
                await TemplateUsageCounters.UpdateAsync(_table, entity, entity.ETag, TableUpdateMode.Replace, entity.TemplateId, entity.TemplateVersionId,
                    entity.WorkflowId, TemplateUsageCounters.ActiveDelta(before, update.Status), cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (TableKeys.IsPreconditionFailed(e) || TableKeys.IsConflict(e))
            {
                // A concurrent write (e.g. a passcode attempt): read again and re-apply.
            }
        }

        throw new InvalidOperationException("The workflow kept changing; the update was not applied.");
    }

    public async Task<bool> MarkNotStartedAsync(Guid businessId, Guid workflowId, string reason, bool failed, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<WorkflowEntity>(TableKeys.Of(businessId), TableKeys.Of(workflowId), cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is not { } entity || entity.Status != WorkflowStatus.Created.ToContractString())
        {
            return false;
        }

        var marked = new TableEntity(entity.PartitionKey, entity.RowKey) { ["FailureReason"] = reason };
        if (failed)
        {
            marked["Status"] = WorkflowStatus.Failed.ToContractString();
        }

        try
        {
            await TemplateUsageCounters.UpdateAsync(_table, marked, entity.ETag, TableUpdateMode.Merge, entity.TemplateId, entity.TemplateVersionId,
                entity.WorkflowId, failed ? -1 : 0, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (TableKeys.IsPreconditionFailed(e) || TableKeys.IsConflict(e))
        {
            return false; // it changed meanwhile: started after all
        }
    }

    /// <summary>
    /// Replaces the whole row, guarded by the record's ETag: a merge cannot clear <see cref="WorkflowRecord.LockedAt"/>,
    /// and the guard makes the rest of the row exactly what was read.
    /// </summary>
    public async Task<bool> TrySetPasscodeStateAsync(WorkflowRecord workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        try
        {
            await _table.UpdateEntityAsync(WorkflowEntity.From(workflow), new ETag(workflow.ETag!), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (TableKeys.IsPreconditionFailed(e))
        {
            return false;
        }
    }

    private static string IdempotencyRowKey(string keyHash) => "idem-" + keyHash;

    /// <summary>Orders (created at, id) so that the last in the listing (oldest; of equals, the greatest id) comes first.</summary>
    private sealed class NewestLast : IComparer<(DateTimeOffset CreatedAt, string Id)>
    {
        public static readonly NewestLast Instance = new();

        public int Compare((DateTimeOffset CreatedAt, string Id) x, (DateTimeOffset CreatedAt, string Id) y)
        {
            var byTime = x.CreatedAt.CompareTo(y.CreatedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(y.Id, x.Id);
        }
    }

    /// <summary>The workflow row.</summary>
    internal sealed class WorkflowEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public string Kind { get; set; } = WorkflowKind;

        public Guid WorkflowId { get; set; }

        public Guid BusinessId { get; set; }

        public string Title { get; set; } = string.Empty;

        public string PlanJson { get; set; } = string.Empty;

        public string Status { get; set; } = string.Empty;

        public int CurrentStep { get; set; }

        public string StepsJson { get; set; } = "[]";

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset ExpireAt { get; set; }

        public DateTimeOffset? NextNotificationAt { get; set; }

        public DateTimeOffset? CompletedAt { get; set; }

        public string? DeclineReason { get; set; }

        public string? DeclineComment { get; set; }

        public string? FailureReason { get; set; }

        public string? FailureCode { get; set; }

        public string? PaymentAttemptsJson { get; set; }

        public Guid? TemplateId { get; set; }

        public Guid? TemplateVersionId { get; set; }

        public Guid? CustomerId { get; set; }

        public Guid? FinancialAccountId { get; set; }

        public Guid? TransactionId { get; set; }

        public string EncryptedPhoneNumber { get; set; } = string.Empty;

        public string MaskedPhoneNumber { get; set; } = string.Empty;

        public string LinkTokenHash { get; set; } = string.Empty;

        public string? PasscodeHash { get; set; }

        public int FailedPasscodeAttempts { get; set; }

        public DateTimeOffset? LockedAt { get; set; }

        public string? IdempotencyKeyHash { get; set; }

        public string RequestHash { get; set; } = string.Empty;

        public long Version { get; set; }

        public Guid? BatchId { get; set; }

        public int? BatchPosition { get; set; }

        public static WorkflowEntity From(WorkflowRecord r) => new()
        {
            PartitionKey = TableKeys.Of(r.BusinessId),
            RowKey = TableKeys.Of(r.WorkflowId),
            WorkflowId = r.WorkflowId,
            BusinessId = r.BusinessId,
            Title = r.Title,
            PlanJson = JsonSerializer.Serialize(r.Plan, TableKeys.Json),
            Status = r.Status.ToContractString(),
            CurrentStep = r.CurrentStep,
            StepsJson = JsonSerializer.Serialize(r.Steps, TableKeys.Json),
            CreatedAt = r.CreatedAt,
            ExpireAt = r.ExpireAt,
            NextNotificationAt = r.NextNotificationAt,
            CompletedAt = r.CompletedAt,
            DeclineReason = r.DeclineReason,
            DeclineComment = r.DeclineComment,
            FailureReason = r.FailureReason,
            FailureCode = r.FailureCode,
            PaymentAttemptsJson = r.PaymentAttempts.Count == 0 ? null : JsonSerializer.Serialize(r.PaymentAttempts, TableKeys.Json),
            TemplateId = r.TemplateId,
            TemplateVersionId = r.TemplateVersionId,
            CustomerId = r.CustomerId,
            FinancialAccountId = r.FinancialAccountId,
            TransactionId = r.TransactionId,
            EncryptedPhoneNumber = r.EncryptedPhoneNumber,
            MaskedPhoneNumber = r.MaskedPhoneNumber,
            LinkTokenHash = r.LinkTokenHash,
            PasscodeHash = r.PasscodeHash,
            FailedPasscodeAttempts = r.FailedPasscodeAttempts,
            LockedAt = r.LockedAt,
            IdempotencyKeyHash = r.IdempotencyKeyHash,
            RequestHash = r.RequestHash,
            Version = r.Version,
            BatchId = r.BatchId,
            BatchPosition = r.BatchPosition,
        };

        public void Apply(WorkflowStatusUpdate u)
        {
            Version = u.Version;
            Status = u.Status.ToContractString();
            CurrentStep = u.CurrentStep;
            StepsJson = JsonSerializer.Serialize(u.Steps, TableKeys.Json);
            ExpireAt = u.ExpireAt;
            NextNotificationAt = u.NextNotificationAt;
            CompletedAt = u.CompletedAt;
            DeclineReason = u.DeclineReason;
            DeclineComment = u.DeclineComment;
            FailureReason = u.FailureReason;
            FailureCode = u.FailureCode ?? FailureCode;
            PaymentAttemptsJson = u.PaymentAttempts is { Count: > 0 } attempts ? JsonSerializer.Serialize(attempts, TableKeys.Json) : PaymentAttemptsJson;
            CustomerId = u.CustomerId;
            FinancialAccountId = u.FinancialAccountId;
            TransactionId = u.TransactionId;
        }

        public WorkflowRecord ToRecord() => new()
        {
            WorkflowId = WorkflowId,
            BusinessId = BusinessId,
            Title = Title,
            Plan = JsonSerializer.Deserialize<WorkflowPlan>(PlanJson, TableKeys.Json)!,
            Status = Enum.Parse<WorkflowStatus>(Status, ignoreCase: true),
            CurrentStep = CurrentStep,
            Steps = JsonSerializer.Deserialize<List<StepState>>(StepsJson, TableKeys.Json) ?? [],
            CreatedAt = CreatedAt,
            ExpireAt = ExpireAt,
            NextNotificationAt = NextNotificationAt,
            CompletedAt = CompletedAt,
            DeclineReason = DeclineReason,
            DeclineComment = DeclineComment,
            FailureReason = FailureReason,
            FailureCode = FailureCode,
            PaymentAttempts = PaymentAttemptsJson is null ? [] : JsonSerializer.Deserialize<List<PaymentAttempt>>(PaymentAttemptsJson, TableKeys.Json) ?? [],
            TemplateId = TemplateId,
            TemplateVersionId = TemplateVersionId,
            CustomerId = CustomerId,
            FinancialAccountId = FinancialAccountId,
            TransactionId = TransactionId,
            EncryptedPhoneNumber = EncryptedPhoneNumber,
            MaskedPhoneNumber = MaskedPhoneNumber,
            LinkTokenHash = LinkTokenHash,
            PasscodeHash = PasscodeHash,
            FailedPasscodeAttempts = FailedPasscodeAttempts,
            LockedAt = LockedAt,
            IdempotencyKeyHash = IdempotencyKeyHash,
            RequestHash = RequestHash,
            Version = Version,
            BatchId = BatchId,
            BatchPosition = BatchPosition,
            ETag = ETag.ToString(),
        };
    }
}
