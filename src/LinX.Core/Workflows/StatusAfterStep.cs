namespace LinX.Core.Workflows;

/// <summary>
/// The workflow row an activity writes once its own side effect has succeeded: the orchestrator's next snapshot, which
/// lacks only what the activity itself produces (the step's display data and the id it created). Writing it in the
/// step's activity instead of a separate <c>UpdateWorkflowStatus</c> saves the engine an activity round trip and an
/// episode per step, and shows the customer the step done one episode sooner (ADR 0010).
/// </summary>
/// <param name="Update">The snapshot, as the orchestrator will hold it after the step.</param>
/// <param name="Step">The index of the step whose data the activity fills in.</param>
public sealed record StatusAfterStep(WorkflowStatusUpdate Update, int Step)
{
    /// <summary>
    /// The snapshot with the activity's result in it: its step's data in the clear, which is fine because this snapshot is
    /// written by the activity itself and never goes back to orchestration history (the other steps' data stays sealed).
    /// A money movement's activity adds its <paramref name="attempt"/> to the payment attempts.
    /// </summary>
    public WorkflowStatusUpdate With(
        IReadOnlyDictionary<string, string>? data,
        Guid? customerId = null,
        Guid? financialAccountId = null,
        Guid? transactionId = null,
        Payments.PaymentAttempt? attempt = null) =>
        Update with
        {
            Steps = data is null ? Update.Steps : [.. Update.Steps.Select((s, i) => i == Step ? s with { Data = data } : s)],
            CustomerId = customerId ?? Update.CustomerId,
            FinancialAccountId = financialAccountId ?? Update.FinancialAccountId,
            TransactionId = transactionId ?? Update.TransactionId,
            PaymentAttempts = attempt is null ? Update.PaymentAttempts : [.. Update.PaymentAttempts ?? [], attempt],
        };
}
