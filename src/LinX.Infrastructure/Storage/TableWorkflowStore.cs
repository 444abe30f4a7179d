using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using LinX.Core.Common;
using LinX.Core.Payments;
using LinX.Core.Workflows;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// Workflows: PK = business id, RK = workflow id; idempotency index rows in the same partition
/// (RK = <c>idem-{sha256(key)}</c>) written in the same entity-group transaction as the workflow. Searches read the
/// workflows' own index (<see cref="TableWorkflowIndex"/>), kept here: a status change reaches it before the row.
/// </summary>
internal sealed partial class TableWorkflowStore : IWorkflowStore
{
    private const string WorkflowKind = "workflow";
    private const string IdempotencyKind = "idempotency";
    private const int MaxConcurrencyRetries = 10;

    private readonly TableClient _table;
    private readonly TableWorkflowIndex _index;

    public TableWorkflowStore(TableStorage storage)
    {
        _table = storage.Workflows;
        _index = new TableWorkflowIndex(storage.WorkflowIndex);
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

    public Task IndexAsync(WorkflowRecord workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return _index.WriteAsync(
            new(workflow.BusinessId, workflow.WorkflowId, workflow.CreatedAt, workflow.Status, workflow.TemplateId), workflow.SearchTerms, cancellationToken);
    }

    /// <summary>
    /// A workflow id is a point read; anything else is read from the index (a range read of one of its partitions), then
    /// the page's rows are read in full. A row that has gone, or no longer has the status asked for, is left out.
    /// </summary>
    public async Task<SearchPage<WorkflowRecord>> SearchAsync(Guid businessId, WorkflowSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (search.WorkflowId is { } workflowId)
        {
            var found = await GetAsync(businessId, workflowId, cancellationToken) is { } w && Matches(w, search) ? w : null;
            IReadOnlyList<WorkflowRecord> all = found is null ? [] : [found];
            return SearchPage.Of([.. all.Skip(search.Offset)], search.Page, search.Size, all.Count, totalExact: true);
        }

        var matches = await _index.SearchAsync(businessId, search, cancellationToken);
        var records = await Task.WhenAll(matches.Page.Select(id => GetAsync(businessId, id, cancellationToken)));
        return SearchPage.Of(
            [.. records.OfType<WorkflowRecord>().Where(r => Matches(r, search))], search.Page, search.Size, matches.Total, matches.TotalExact);
    }

    private static bool Matches(WorkflowRecord workflow, WorkflowSearch search) =>
        (search.Status is null || workflow.Status == search.Status) && (search.TemplateId is null || workflow.TemplateId == search.TemplateId);

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

            var before = entity.ToRecord();
            entity.Apply(update);
            await ReindexAsync(before, entity.ToRecord(), cancellationToken);
            try
            {
                await TemplateUsageCounters.UpdateAsync(_table, entity, entity.ETag, TableUpdateMode.Replace, entity.TemplateId, entity.TemplateVersionId,
                    entity.WorkflowId, TemplateUsageCounters.ActiveDelta(before.Status, update.Status), cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (TableKeys.IsPreconditionFailed(e) || TableKeys.IsConflict(e))
            {
                // A concurrent write (e.g. a passcode attempt): read again and re-apply.
            }
        }

        throw new InvalidOperationException("The workflow kept changing; the update was not applied.");
    }

    /// <summary>
    /// Brings the index to <paramref name="after"/> when its status or search terms changed: its rows everywhere with the new
    /// status, then out of the old status's partition. Done before the row is written, so that a re-run does it again.
    /// </summary>
    private async Task ReindexAsync(WorkflowRecord before, WorkflowRecord after, CancellationToken cancellationToken)
    {
        if (before.Status == after.Status && before.SearchTerms.Count == after.SearchTerms.Count)
        {
            return;
        }

        var entry = new TableWorkflowIndex.Entry(after.BusinessId, after.WorkflowId, after.CreatedAt, after.Status, after.TemplateId);
        await _index.WriteAsync(entry, after.SearchTerms, cancellationToken);
        if (before.Status != after.Status)
        {
            await _index.RemoveStatusAsync(entry, before.Status, cancellationToken);
        }
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
        }
        catch (RequestFailedException e) when (TableKeys.IsPreconditionFailed(e) || TableKeys.IsConflict(e))
        {
            return false; // it changed meanwhile: started after all
        }

        if (failed)
        {
            var before = entity.ToRecord();
            await ReindexAsync(before, before with { Status = WorkflowStatus.Failed }, cancellationToken);
        }

        return true;
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
}
