using LinX.Core.Activities;
using LinX.Core.Common;
using LinX.Core.Notifications;
using LinX.Core.Orchestration;
using LinX.Core.Payments;
using LinX.Core.Security;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Orchestration;

/// <summary>Recovery from a declined payment (ADR 0016): the step waits for a replacement account, at most 3 attempts.</summary>
public sealed partial class LinxOrchestrationTests
{
    [Fact]
    public async Task RunAsync_DeclinedThenReplacementCard_CompletesOnTheSecondAttempt()
    {
        // Arrange
        var o = PaidAfter(Script(Plans.RebateToNewCard(), TimeSpan.FromDays(30)), PaymentDeclineCodes.CardDeclined)
            .Raise(WorkflowEvent.Retry(WorkflowEvent.SubmitCard(ReplacementCard(2)), 2));

        // Act
        var result = await RunAsync(o);

        // Assert
        Assert.Equal(new WorkflowResult(WorkflowStatus.Completed, NewCustomerId, ReplacementAccountOf(2), AttemptTransactionOf(2)), result);
        var replacement = Assert.Single(o.InputsOf<CreateFinancialAccountInput>(), i => i.Attempt == 2);
        Assert.Equal((NewCustomerId, FinancialAccountSubType.Debit, ReplacementCard(2), (StatusAfterStep?)null),
            (replacement.CustomerId, replacement.SubType, replacement.SealedCard, replacement.Then));
        Assert.Equal(
            [(1, NewAccountId), (2, ReplacementAccountOf(2))],
            o.InputsOf<MoveMoneyInput>().Select(i => (i.Attempt, i.CustomerFinancialAccountId)));
        var recovering = o.StatusSnapshots.Single(u => u.PaymentAttempts is { Count: 1 } && u.Status == WorkflowStatus.Active);
        Assert.Equal((3, StepStatus.Active), (recovering.CurrentStep, recovering.Steps[3].Status));
        Assert.Equal((1, PaymentDeclineCodes.CardDeclined, TransactionStatus.Declined), (recovering.PaymentAttempts![0].Attempt, recovering.PaymentAttempts[0].ReasonCode, recovering.PaymentAttempts[0].Status));
        var final = LastUpdate(o);
        Assert.Equal(WorkflowStatus.Completed, final.Status);
        Assert.Equal([TransactionStatus.Declined, TransactionStatus.Settled], final.PaymentAttempts!.Select(a => a.Status));
        Assert.Equal([AttemptTransactionOf(1), AttemptTransactionOf(2)], final.PaymentAttempts!.Select(a => a.TransactionId));
        Assert.Equal(ReplacementAccountOf(2).ToString("D"), final.Steps[2].Data!["id"]);
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_ThreeDeclines_IsFailedWithTheLastReasonAndIgnoresAStaleRetry()
    {
        // Arrange: the retry for attempt 2 arrives twice; the copy must not count as attempt 3's account.
        var o = PaidAfter(
                Script(Plans.RebateToNewCard(), TimeSpan.FromDays(30)),
                PaymentDeclineCodes.CardDeclined, PaymentDeclineCodes.InsufficientFunds, PaymentDeclineCodes.CardNotEligible)
            .Raise(WorkflowEvent.Retry(WorkflowEvent.SubmitCard(ReplacementCard(2)), 2))
            .Raise(WorkflowEvent.Retry(WorkflowEvent.SubmitCard(ReplacementCard(2)), 2))
            .Raise(WorkflowEvent.Retry(WorkflowEvent.SubmitCard(ReplacementCard(3)), 3));

        // Act
        var result = await RunAsync(o);

        // Assert
        Assert.Equal(WorkflowStatus.Failed, result.Status);
        Assert.Equal("The transaction was DECLINED: " + PaymentDeclineCodes.CardNotEligible, result.Reason);
        Assert.Equal([ReplacementCard(2), ReplacementCard(3)], o.InputsOf<CreateFinancialAccountInput>().Where(i => i.Attempt > 1).Select(i => i.SealedCard));
        Assert.Equal([1, 2, 3], o.InputsOf<MoveMoneyInput>().Select(i => i.Attempt));
        var final = LastUpdate(o);
        Assert.Equal((WorkflowStatus.Failed, PaymentDeclineCodes.CardNotEligible, StepStatus.Failed), (final.Status, final.FailureCode, final.Steps[3].Status));
        Assert.Equal(
            [PaymentDeclineCodes.CardDeclined, PaymentDeclineCodes.InsufficientFunds, PaymentDeclineCodes.CardNotEligible],
            final.PaymentAttempts!.Select(a => a.ReasonCode));
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_UnrecoverableDecline_IsFailedAtOnceWithItsCode()
    {
        // Arrange
        var o = PaidAfter(Script(Plans.RebateToNewCard(), TimeSpan.FromDays(30)), PaymentDeclineCodes.PaymentDeclined);

        // Act
        var result = await RunAsync(o);

        // Assert
        Assert.Equal(WorkflowStatus.Failed, result.Status);
        Assert.Single(o.InputsOf<MoveMoneyInput>());
        Assert.DoesNotContain(o.InputsOf<CreateFinancialAccountInput>(), i => i.Attempt > 1);
        var final = LastUpdate(o);
        Assert.Equal((PaymentDeclineCodes.PaymentDeclined, 1), (final.FailureCode, final.PaymentAttempts!.Count));
        Assert.Equal([ActivityNames.MoveMoney, ActivityNames.UpdateWorkflowStatus], o.ActivitySequence.TakeLast(2));
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_ExpiryWhileWaitingForAReplacement_IsExpiredOnTheMoveMoneyStep()
    {
        // Arrange: reminders every 30 days, so the only timer is the expiry.
        var o = PaidAfter(Script(Plans.RebateToNewCard(), TimeSpan.FromDays(30)), PaymentDeclineCodes.CardDeclined).FireTimer();

        // Act
        var result = await RunAsync(o);

        // Assert
        Assert.Equal(new WorkflowResult(WorkflowStatus.Expired, NewCustomerId, NewAccountId, AttemptTransactionOf(1), "The workflow expired."), result);
        var final = LastUpdate(o);
        Assert.Equal((StepStatus.Expired, 3, (string?)null), (final.Steps[3].Status, final.CurrentStep, final.FailureCode));
        Assert.Equal(NotificationOrigin.Expiry, o.InputsOf<SendNotificationInput>().Last().Origin);
        Assert.Single(o.InputsOf<MoveMoneyInput>());
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_CustomerDeclinesWhileWaitingForAReplacement_IsDeclined()
    {
        var o = PaidAfter(Script(Plans.RebateToNewCard(), TimeSpan.FromDays(30)), PaymentDeclineCodes.CardDeclined)
            .Raise(WorkflowEvent.Decline(DeclineReason.NotInterested, null));

        var result = await RunAsync(o);

        Assert.Equal(WorkflowStatus.Declined, result.Status);
        Assert.Equal(StepStatus.Declined, LastUpdate(o).Steps[3].Status);
        AssertWellBehaved(o);
    }

    private static Sealed<Accounts.TokenizedCard> ReplacementCard(int attempt) => new("sealed-card-" + attempt);

    private static Guid ReplacementAccountOf(int attempt) => DeterministicId.From(WorkflowId, "replacement-" + attempt);

    private static Guid AttemptTransactionOf(int attempt) => DeterministicId.From(WorkflowId, "transaction-" + attempt);

    /// <summary>The customer's first three steps; payment attempt n declines with <paramref name="declines"/>[n-1], then pays.</summary>
    private static ScriptedContext PaidAfter(ScriptedContext o, params string[] declines) =>
        o.Raise(WorkflowEvent.SubmitProfile(Plans.SealedProfile()))
            .Raise(WorkflowEvent.SubmitCard(Plans.SealedCard()))
            .Raise(WorkflowEvent.Confirm(StepNames.MoveMoney))
            .Answer<CreateFinancialAccountInput, StepActivityOutput>(
                ActivityNames.CreateFinancialAccount, i => ActivityOutputs.Found(i.Attempt > 1 ? ReplacementAccountOf(i.Attempt) : NewAccountId))
            .Answer<MoveMoneyInput, TransactionOutput>(ActivityNames.MoveMoney, i => i.Attempt <= declines.Length
                ? ActivityOutputs.Transaction(AttemptTransactionOf(i.Attempt), TransactionStatus.Declined, reason: declines[i.Attempt - 1]) with
                {
                    ReasonCode = declines[i.Attempt - 1],
                    CreatedAt = Start,
                }
                : ActivityOutputs.Transaction(AttemptTransactionOf(i.Attempt), TransactionStatus.Settled));
}
