using LinX.Core.Workflows;

namespace LinX.Core.Webhooks;

/// <summary>
/// Derives the events of one workflow transition from the stored row before it (<c>previous</c>) and the
/// orchestrator's snapshot (<c>current</c>). Pure, so a re-run of the activity derives the same events.
/// Order within a transition: customer, financial account, transaction, payment attempt failed, workflow updated, workflow completed.
/// </summary>
public static class WebhookEventFactory
{
    public static IReadOnlyList<WebhookEvent> Derive(WorkflowRecord previous, WorkflowStatusUpdate current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var events = new List<WebhookEvent>();
        var workflowId = current.WorkflowId;
        void Add(string type, object data) => events.Add(new WebhookEvent(WebhookEvent.IdOf(workflowId, current.Version, type), type, now, data));

        // A customer the workflow created is new and ACTIVE (no previous status); one it looked up keeps its status: no event.
        // No step changes an existing customer's status, so creation is the only change there is (ADR 0024).
        if (current.CustomerId is { } customerId && previous.CustomerId != customerId
            && !current.Steps.Any(s => s.Name == StepNames.LookupProfile))
        {
            Add(WebhookEventTypes.CustomerStatusUpdated, new CustomerStatusUpdate(
                customerId, now, CustomerStatusUpdate.Active, null, null, now, workflowId, CustomerStatusUpdate.Created));
        }

        // A financial account the workflow created is new and ACTIVE (no previous status); one it looked up keeps its state: no event.
        if (current.FinancialAccountId is { } accountId && previous.FinancialAccountId != accountId
            && current.Steps.Any(s => s.Name == StepNames.FinancialAccount))
        {
            var data = StepData(current.Steps, "financialAccountId", accountId);
            Add(WebhookEventTypes.FinancialAccountStateUpdated, new FinancialAccountStateUpdate(
                accountId, now, FinancialAccountStateUpdate.Active, null, null, now, workflowId, current.CustomerId,
                data?.GetValueOrDefault("financialAccountSubType"), data?.GetValueOrDefault("last4")));
        }

        if (current.TransactionId is { } transactionId)
        {
            var currentData = StepData(current.Steps, "transactionId", transactionId);
            var before = previous.TransactionId == transactionId ? StepData(previous.Steps, "transactionId", transactionId) : null;
            var previousStatus = before?.GetValueOrDefault("status");
            if (currentData is not null && currentData.GetValueOrDefault("status") is { } status && status != previousStatus)
            {
                Add(WebhookEventTypes.TransactionStatusChanged, new
                {
                    workflowId,
                    transactionId,
                    status,
                    previousStatus,
                    amount = currentData.GetValueOrDefault("amount"),
                    currency = currentData.GetValueOrDefault("currency"),
                    priority = currentData.GetValueOrDefault("priority"),
                    startDateTime = currentData.GetValueOrDefault("startDateTime"),
                });
            }
        }

        // A failed payment attempt the row did not hold yet; whether the workflow waits for a replacement is in its status.
        if (current.PaymentAttempts is { Count: > 0 } attempts && attempts.Count > previous.PaymentAttempts.Count && attempts[^1] is { Failed: true } failed)
        {
            Add(WebhookEventTypes.PaymentAttemptFailed, new
            {
                workflowId,
                attempt = failed.Attempt,
                maxAttempts = Payments.PaymentAttempt.MaxAttempts,
                transactionId = failed.TransactionId,
                financialAccountId = failed.FinancialAccountId,
                status = failed.Status.ToString().ToUpperInvariant(),
                reasonCode = failed.ReasonCode,
                reason = failed.Reason,
                awaitingReplacement = current.Status == WorkflowStatus.Active,
            });
        }

        if (current.Status != previous.Status || current.CurrentStep != previous.CurrentStep || !StepStatusesEqual(previous.Steps, current.Steps))
        {
            Add(WebhookEventTypes.WorkflowUpdated, new
            {
                workflowId,
                previousStepStatus = StepAt(workflowId, current.Steps, current.CurrentStep - 1),
                currentStepStatus = StepAt(workflowId, current.Steps, current.CurrentStep),
                nextStepStatus = StepAt(workflowId, current.Steps, current.CurrentStep + 1),
                status = current.Status.ToContractString(),
                previousStatus = previous.Status.ToContractString(),
                version = current.Version,
            });
        }

        if (current.Status == WorkflowStatus.Completed && previous.Status != WorkflowStatus.Completed)
        {
            Add(WebhookEventTypes.WorkflowCompleted, new
            {
                workflowId,
                status = current.Status.ToContractString(),
                completedAt = current.CompletedAt,
                customerId = current.CustomerId,
                financialAccountId = current.FinancialAccountId,
                transactionId = current.TransactionId,
            });
        }

        return events;
    }

    private static WebhookStepView? StepAt(Guid workflowId, IReadOnlyList<StepState> steps, int index) =>
        index >= 0 && index < steps.Count
            ? new WebhookStepView(
                StepState.IdOf(workflowId, index), steps[index].Status.ToContractString(), steps[index].Name,
                StepCatalog.Find(steps[index].Name)?.DisplayName ?? steps[index].Name, steps[index].UpdatedAt, index)
            : null;

    private static bool StepStatusesEqual(IReadOnlyList<StepState> a, IReadOnlyList<StepState> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Name == p.Second.Name && p.First.Status == p.Second.Status);

    private static IReadOnlyDictionary<string, string>? StepData(IReadOnlyList<StepState> steps, string key, Guid id) =>
        steps.Select(s => s.Data).FirstOrDefault(d => d is not null && d.TryGetValue(key, out var v) && Guid.TryParse(v, out var g) && g == id);
}
