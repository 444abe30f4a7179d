using LinX.Core.Batches;
using LinX.Core.Customers;
using LinX.Core.Orchestration;
using LinX.Core.Security;
using LinX.Core.Webhooks;
using LinX.Core.Workflows;
using Microsoft.Extensions.Logging;

namespace LinX.Core.Activities;

/// <summary>
/// Bookkeeping: writes the orchestrator's snapshot to the workflow row (versioned, never regressing). This is the
/// one place every state change passes through, so it is where business webhooks are emitted: the events are derived
/// from the row before the update and the snapshot, their delivery rows written first (idempotent: deterministic event
/// ids), then the row, then the dispatchers are kicked. A re-run after the row was written kicks again whatever is pending.
/// The snapshot carries the steps' display data sealed (orchestration history holds none in the clear, ADR 0011): it is
/// opened here, before the events are derived and the row is written. Here too each step gets the time it took its
/// status, and, when the snapshot first names the workflow's customer, the customer's search terms go to the workflow's
/// index (ADR 0023): the one place both customer steps (customer-account, lookup-profile) pass through.
/// </summary>
public sealed class UpdateWorkflowStatusActivity : IActivity<WorkflowStatusUpdate, bool>
{
    private readonly IWorkflowStore _workflows;
    private readonly IBatchStore _batches;

    private readonly ICustomerStore _customers;
    private readonly WebhookPublisher _webhooks;
    private readonly LinXCrypto _crypto;
    private readonly TimeProvider _time;
    private readonly ILogger<UpdateWorkflowStatusActivity> _logger;

    public UpdateWorkflowStatusActivity(
        IWorkflowStore workflows, IBatchStore batches, ICustomerStore customers, WebhookPublisher webhooks, LinXCrypto crypto, TimeProvider time,
        ILogger<UpdateWorkflowStatusActivity> logger)
    {
        _workflows = workflows;
        _batches = batches;
        _customers = customers;
        _webhooks = webhooks;
        _crypto = crypto;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Writes the snapshot a step's activity carries (<see cref="StatusAfterStep"/>), completed with that activity's
    /// result by <paramref name="withResult"/>; nothing when there is none.
    /// </summary>
    public Task WriteAfterStepAsync(StatusAfterStep? then, Func<StatusAfterStep, WorkflowStatusUpdate> withResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withResult);
        return then is null ? Task.CompletedTask : RunAsync(withResult(then), cancellationToken);
    }

    public async Task<bool> RunAsync(WorkflowStatusUpdate input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await WriteAsync(input.Opened(data => StepData.Open(_crypto, input.WorkflowId, data)), cancellationToken);
    }

    private async Task<bool> WriteAsync(WorkflowStatusUpdate input, CancellationToken cancellationToken)
    {
        var previous = await _workflows.GetAsync(input.BusinessId, input.WorkflowId, cancellationToken);
        IReadOnlyList<WebhookSubscription> receiving = [];
        if (previous is not null && previous.Version < input.Version)
        {
            input = await CompletedAsync(previous, input, cancellationToken);
            var events = WebhookEventFactory.Derive(previous, input, _time.GetUtcNow());
            receiving = await _webhooks.RecordAsync(input.BusinessId, input.WorkflowId, input.Version, events, cancellationToken);
        }

        var applied = await _workflows.ApplyAsync(input, cancellationToken);
        if (applied)
        {
            _logger.WorkflowStatusChanged(input.WorkflowId, input.Status.ToContractString(), input.CurrentStep);
            foreach (var subscription in receiving)
            {
                await _webhooks.KickAsync(input.BusinessId, subscription.SubscriptionId, input.WorkflowId, cancellationToken);
            }
        }
        else if (previous is not null && previous.Version == input.Version)
        {
            await _webhooks.KickPendingAsync(input.BusinessId, input.WorkflowId, cancellationToken);
        }

        if (previous is { BatchId: { } batchId, BatchPosition: { } position } && (applied || previous.Version == input.Version))
        {
            // The batch's counters follow its workflows (a re-run after the row was written counts it still, once).
            await _batches.UpdateEntryAsync(batchId, position, e => e.WorkflowVersion >= input.Version ? null : e with
            {
                Status = BatchEntryStatus.Started,
                WorkflowId = input.WorkflowId,
                WorkflowStatus = input.Status,
                WorkflowVersion = input.Version,
            }, cancellationToken);
        }

        return applied;
    }

    /// <summary>
    /// The snapshot with each step's <see cref="StepState.UpdatedAt"/> (kept from the row while its status is the same, else
    /// now) and, when it first names the customer, the hashes of the customer's search terms.
    /// </summary>
    private async Task<WorkflowStatusUpdate> CompletedAsync(WorkflowRecord previous, WorkflowStatusUpdate input, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var steps = input.Steps.Select((step, i) => previous.Steps.ElementAtOrDefault(i) is { } before && before.Name == step.Name && before.Status == step.Status
            ? step with { UpdatedAt = before.UpdatedAt ?? previous.CreatedAt }
            : step with { UpdatedAt = now });
        var added = input.CustomerId is { } customerId && customerId != previous.CustomerId
            && await _customers.GetAsync(input.BusinessId, customerId, cancellationToken) is { } customer
            ? WorkflowSearchTerms.OfCustomer(_crypto, customer)
            : null;
        return input with { Steps = [.. steps], AddedSearchTerms = added };
    }
}
