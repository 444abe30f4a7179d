using LinX.Core.Workflows;

namespace LinX.Core.Payments;

/// <summary>
/// A money movement waiting for the customer's replacement account after a recoverable decline: the move-money step is
/// ACTIVE, its last attempt failed with a recoverable code, and fewer than <see cref="PaymentAttempt.MaxAttempts"/> were made.
/// </summary>
/// <remarks>
/// <c>Attempt</c>: how many attempts failed. <c>AccountKind</c>: <c>card</c> or <c>bank</c>, what the replacement must be (the
/// move-money solution's kind), with <c>FinancialAccountSubType</c>.
/// </remarks>
public sealed record PaymentRecovery(int Attempt, int MaxAttempts, string ReasonCode, string AccountKind, FinancialAccountSubType FinancialAccountSubType)
{
    /// <summary>The recovery <paramref name="workflow"/> is in, or null when its payment waits for no replacement.</summary>
    public static PaymentRecovery? Of(WorkflowRecord workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var attempts = workflow.PaymentAttempts;
        return workflow.Status == WorkflowStatus.Active
            && workflow.Plan.MoveMoney is { } move
            && workflow.CurrentStepState is { Status: StepStatus.Active } current && current.Name == move.Name
            && attempts.Count is > 0 and < PaymentAttempt.MaxAttempts
            && attempts[^1] is { Failed: true, ReasonCode: var code } && PaymentDeclineCodes.IsRecoverable(code)
                ? Create(workflow.Plan, move, attempts.Count, code!)
                : null;
    }

    /// <summary>Whether a replacement for <paramref name="move"/> is a card (push-to-card) rather than a bank account.</summary>
    public static bool NeedsCard(MoveMoneyStep move)
    {
        ArgumentNullException.ThrowIfNull(move);
        return move.Solution == PaymentSolution.PushToCard;
    }

    /// <summary>The sub type of a replacement: the financial-account step's, or DEBIT for a card and CHECKING for a bank account.</summary>
    public static FinancialAccountSubType SubTypeOf(WorkflowPlan plan, MoveMoneyStep move)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Steps.OfType<FinancialAccountStep>().FirstOrDefault() is { } account ? account.FinancialAccountSubType
            : NeedsCard(move) ? FinancialAccountSubType.Debit
            : FinancialAccountSubType.Checking;
    }

    private static PaymentRecovery Create(WorkflowPlan plan, MoveMoneyStep move, int attempt, string code) =>
        new(attempt, PaymentAttempt.MaxAttempts, code, NeedsCard(move) ? "card" : "bank", SubTypeOf(plan, move));
}
