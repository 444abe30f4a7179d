namespace LinX.Core.Webhooks;

/// <summary>The event types a business can subscribe to.</summary>
public static class WebhookEventTypes
{
    /// <summary>The workflow's status or a step's status changed (previous, current and next step).</summary>
    public const string WorkflowUpdated = "linx.workflow-updated";

    /// <summary>The workflow completed; carries the ids of the records it created.</summary>
    public const string WorkflowCompleted = "linx.workflow-completed";

    /// <summary>The workflow's link locked after too many wrong passcodes (the workflow stays open; a new passcode unlocks it).</summary>
    public const string WorkflowLocked = "linx.workflow-locked";

    /// <summary>The workflow's customer was created or confirmed.</summary>
    public const string CustomerStatusUpdated = "customer.status-updated";

    /// <summary>The workflow's financial account was created or confirmed.</summary>
    public const string FinancialAccountStateUpdated = "financial-account.state-updated";

    /// <summary>The workflow's transaction was created or changed status (e.g. settled).</summary>
    public const string TransactionStatusChanged = "transactions.status-changed";

    /// <summary>A payment attempt did not go through; says whether the workflow waits for the customer's replacement account (ADR 0016).</summary>
    public const string PaymentAttemptFailed = "linx.payment-attempt-failed";

    public static IReadOnlyList<string> All { get; } =
        [WorkflowUpdated, WorkflowCompleted, WorkflowLocked, CustomerStatusUpdated, FinancialAccountStateUpdated, TransactionStatusChanged, PaymentAttemptFailed];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
