using LinX.Core.Common;

namespace LinX.Core.Workflows;

/// <summary>What happened to a create: stored, or an earlier workflow with the same idempotency key exists.</summary>
public sealed record WorkflowCreateResult(bool Created, WorkflowRecord Workflow);

/// <summary>Workflows, partitioned by business.</summary>
public interface IWorkflowStore
{
    /// <summary>
    /// Stores a new workflow and, when it has an idempotency key hash, the key's index row, in one entity-group
    /// transaction. When the key already exists nothing is written and the existing workflow is returned.
    /// </summary>
    Task<WorkflowCreateResult> CreateAsync(WorkflowRecord workflow, CancellationToken cancellationToken);

    Task<WorkflowRecord?> GetAsync(Guid businessId, Guid workflowId, CancellationToken cancellationToken);

    /// <summary>The workflow created with this idempotency key hash, or null.</summary>
    Task<WorkflowRecord?> FindByIdempotencyKeyAsync(Guid businessId, string idempotencyKeyHash, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the workflow's search index rows (by creation time; by status; by template; by each of its
    /// <see cref="WorkflowRecord.SearchTerms"/>). Idempotent: a replay of a create writes them again.
    /// </summary>
    Task IndexAsync(WorkflowRecord workflow, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the business's workflows matching <paramref name="search"/>, read from the index (never a scan of the
    /// business's rows), counting matches up to <see cref="WorkflowSearch.MaxResultWindow"/>.
    /// </summary>
    Task<SearchPage<WorkflowRecord>> SearchAsync(Guid businessId, WorkflowSearch search, CancellationToken cancellationToken);

    /// <summary>
    /// Applies an orchestrator snapshot when its version is newer than the stored one; false when ignored. A new status, and
    /// any <see cref="WorkflowStatusUpdate.AddedSearchTerms"/>, reach the index before the row, so a re-run repairs both.
    /// </summary>
    Task<bool> ApplyAsync(WorkflowStatusUpdate update, CancellationToken cancellationToken);

    /// <summary>
    /// Gives a workflow that is still CREATED the <paramref name="reason"/> it did not start, and when
    /// <paramref name="failed"/> the status FAILED, keeping its version, so that a later start (a retry with the same
    /// Idempotency-Key) still moves it on; false when it is no longer CREATED.
    /// </summary>
    Task<bool> MarkNotStartedAsync(Guid businessId, Guid workflowId, string reason, bool failed, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the passcode state of <paramref name="workflow"/> (<see cref="WorkflowRecord.PasscodeHash"/>,
    /// <see cref="WorkflowRecord.FailedPasscodeAttempts"/>, <see cref="WorkflowRecord.LockedAt"/>) if the row still has its
    /// <see cref="WorkflowRecord.ETag"/>; false on a concurrent change (the caller re-reads and retries).
    /// </summary>
    Task<bool> TrySetPasscodeStateAsync(WorkflowRecord workflow, CancellationToken cancellationToken);
}
