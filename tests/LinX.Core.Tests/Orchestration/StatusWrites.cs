using LinX.Core.Activities;
using LinX.Core.Payments;
using LinX.Core.Security;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Orchestration;

/// <summary>
/// The workflow rows a run writes, rebuilt from its activity calls: every <c>UpdateWorkflowStatus</c> input, and the
/// <see cref="StatusAfterStep"/> a step's activity carries, completed with that activity's output the way the real
/// activity completes it (and not written when the activity failed, or when the transaction was declined or failed), with
/// the steps' sealed data opened as <c>UpdateWorkflowStatus</c> opens it.
/// </summary>
internal static class StatusWrites
{
    public static IReadOnlyList<WorkflowStatusUpdate> Of(IEnumerable<(object? Input, object? Output)> calls) =>
        [.. calls.Select(c => Written(c.Input, c.Output)?.Opened(ActivityOutputs.Open)).OfType<WorkflowStatusUpdate>().OrderBy(u => u.Version)];

    /// <summary>The version of the snapshot a call carries, written or not: the input of UpdateWorkflowStatus or a step's <c>Then</c>.</summary>
    public static long? CarriedVersion(object? input) => Carried(input)?.Version;

    /// <summary>The snapshot a call carries into orchestration history, as the orchestrator made it (sealed data unopened).</summary>
    public static WorkflowStatusUpdate? Carried(object? input) => input switch
    {
        WorkflowStatusUpdate update => update,
        SendNotificationInput { Then: { } then } => then.Update,
        CreateCustomerAccountInput { Then: { } then } => then.Update,
        CreateFinancialAccountInput { Then: { } then } => then.Update,
        EnhanceProfileInput { Then: { } then } => then.Update,
        AcceptDocumentsInput { Then: { } then } => then.Update,
        MoveMoneyInput { Then: { } then } => then.Update,
        _ => null,
    };

    private static WorkflowStatusUpdate? Written(object? input, object? output) => (input, output) switch
    {
        (WorkflowStatusUpdate update, true) => update,
        (SendNotificationInput { Then: { } then }, SendNotificationOutput) => then.With(null),
        (CreateCustomerAccountInput { Then: { } then }, StepActivityOutput created) => then.With(Open(created.SealedData), customerId: created.Id),
        (CreateFinancialAccountInput { Then: { } then }, StepActivityOutput created) => then.With(Open(created.SealedData), financialAccountId: created.Id),
        (EnhanceProfileInput { Then: { } then }, StepActivityOutput enhanced) => then.With(Open(enhanced.SealedData)),
        (AcceptDocumentsInput { Then: { } then }, StepActivityOutput accepted) => then.With(Open(accepted.SealedData)),
        (MoveMoneyInput { Then: { } then } move, TransactionOutput { Status: not (TransactionStatus.Declined or TransactionStatus.Error) } moved) =>
            then.With(
                Open(moved.SealedData), transactionId: moved.TransactionId,
                attempt: PaymentAttempt.From(Math.Max(move.Attempt, 1), move.CustomerFinancialAccountId, moved)),
        _ => null,
    };

    private static IReadOnlyDictionary<string, string>? Open(Sealed<IReadOnlyDictionary<string, string>>? data) => data is null ? null : ActivityOutputs.Open(data);
}
