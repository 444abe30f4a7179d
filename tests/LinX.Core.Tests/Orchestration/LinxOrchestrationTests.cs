using LinX.Core.Activities;
using LinX.Core.Notifications;
using LinX.Core.Orchestration;
using LinX.Core.Payments;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Orchestration;

public sealed class LinxOrchestrationTests
{
    private static readonly DateTime Start = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Guid BusinessId = Guid.Parse("5d1a3f0e-7c2b-4e8a-9f61-2b7d4c9e0a15");
    private static readonly Guid WorkflowId = Guid.Parse("0b8f3c62-7f0e-4b4e-9d4a-6c1f2e3d4a5b");
    private static readonly Guid NewCustomerId = Guid.Parse("11111111-1111-4111-8111-111111111111");
    private static readonly Guid NewAccountId = Guid.Parse("22222222-2222-4222-8222-222222222222");
    private static readonly Guid TransactionId = Guid.Parse("33333333-3333-4333-8333-333333333333");

    [Fact]
    public async Task RunAsync_NewCustomerSeed_SendsSmsThenCreatesCustomerAndCompletes()
    {
        var o = Script(Plans.NewCustomer()).Raise(WorkflowEvent.SubmitProfile(Plans.Profile()));

        var result = await o.RunAsync();

        Assert.Equal(
            [ActivityNames.SendNotification, ActivityNames.UpdateWorkflowStatus, ActivityNames.CreateCustomerAccount, ActivityNames.UpdateWorkflowStatus],
            o.ActivitySequence);
        Assert.Equal(new WorkflowResult(WorkflowStatus.Completed, NewCustomerId), result);
        var final = LastUpdate(o);
        Assert.Equal(WorkflowStatus.Completed, final.Status);
        Assert.All(final.Steps, s => Assert.Equal(StepStatus.Completed, s.Status));
        Assert.Equal(new DateTimeOffset(o.Now), final.CompletedAt);
        Assert.Null(final.NextNotificationAt);
        var create = Assert.Single(o.InputsOf<CreateCustomerAccountInput>());
        Assert.Equal("+1647*****67", create.MaskedPhoneNumber);
    }

    [Fact]
    public async Task RunAsync_NewCardSeed_LooksUpProfileWaitsForConfirmThenCreatesCard()
    {
        var o = Script(Plans.NewCard())
            .Raise(WorkflowEvent.Confirm(StepNames.LookupProfile))
            .Raise(WorkflowEvent.SubmitCard(Plans.Card()));

        var result = await o.RunAsync();

        Assert.Equal(
            [
                ActivityNames.SendNotification, ActivityNames.UpdateWorkflowStatus, ActivityNames.LookupProfile, ActivityNames.UpdateWorkflowStatus,
                ActivityNames.UpdateWorkflowStatus, ActivityNames.CreateFinancialAccount, ActivityNames.UpdateWorkflowStatus,
            ],
            o.ActivitySequence);
        Assert.Equal(new WorkflowResult(WorkflowStatus.Completed, Plans.DemoCustomerId, NewAccountId), result);
        var create = Assert.Single(o.InputsOf<CreateFinancialAccountInput>());
        Assert.Equal(Plans.DemoCustomerId, create.CustomerId);
        Assert.Equal("4242", create.Card!.Last4);
        Assert.Null(create.BankAccount);
    }

    [Fact]
    public async Task RunAsync_RebateToNewCardSeed_CreatesCustomerCardAndTransaction()
    {
        var o = Script(Plans.RebateToNewCard())
            .Raise(WorkflowEvent.SubmitProfile(Plans.Profile()))
            .Raise(WorkflowEvent.SubmitCard(Plans.Card()))
            .Raise(WorkflowEvent.Confirm(StepNames.MoveMoney));

        var result = await o.RunAsync();

        Assert.Equal(
            [
                ActivityNames.SendNotification, ActivityNames.UpdateWorkflowStatus, ActivityNames.CreateCustomerAccount,
                ActivityNames.UpdateWorkflowStatus, ActivityNames.CreateFinancialAccount, ActivityNames.UpdateWorkflowStatus,
                ActivityNames.MoveMoney, ActivityNames.UpdateWorkflowStatus,
            ],
            o.ActivitySequence);
        Assert.Equal(new WorkflowResult(WorkflowStatus.Completed, NewCustomerId, NewAccountId, TransactionId), result);
        var move = Assert.Single(o.InputsOf<MoveMoneyInput>());
        Assert.Equal(NewAccountId, move.CustomerFinancialAccountId);
        Assert.Equal(256.25m, move.Step.Amount);
        Assert.Equal(NewCustomerId, Assert.Single(o.InputsOf<CreateFinancialAccountInput>()).CustomerId);
    }

    [Fact]
    public async Task RunAsync_RebateToExistingCardSeed_LooksUpBothThenMovesMoney()
    {
        var o = Script(Plans.RebateToExistingCard())
            .Raise(WorkflowEvent.Confirm(StepNames.LookupProfile))
            .Raise(WorkflowEvent.Confirm(StepNames.LookupFinancialAccount))
            .Raise(WorkflowEvent.Confirm(StepNames.MoveMoney));

        var result = await o.RunAsync();

        Assert.Equal(
            [
                ActivityNames.SendNotification, ActivityNames.UpdateWorkflowStatus, ActivityNames.LookupProfile, ActivityNames.UpdateWorkflowStatus,
                ActivityNames.UpdateWorkflowStatus, ActivityNames.LookupFinancialAccount, ActivityNames.UpdateWorkflowStatus,
                ActivityNames.UpdateWorkflowStatus, ActivityNames.MoveMoney, ActivityNames.UpdateWorkflowStatus,
            ],
            o.ActivitySequence);
        Assert.Equal(new WorkflowResult(WorkflowStatus.Completed, Plans.DemoCustomerId, Plans.DemoCustomerAccountId, TransactionId), result);
        var lookup = o.InputsOf<LookupInput>().Last();
        Assert.Equal(Plans.DemoCustomerId, lookup.CustomerId);
        Assert.Equal(Plans.DemoCustomerAccountId, Assert.Single(o.InputsOf<MoveMoneyInput>()).CustomerFinancialAccountId);
    }

    [Fact]
    public async Task RunAsync_CustomerDeclines_IsDeclinedWithReasonAndStepDeclined()
    {
        var o = Script(Plans.NewCustomer()).Raise(WorkflowEvent.Decline(DeclineReason.DontKnowBusinessSender, "Who are you?"));

        var result = await o.RunAsync();

        Assert.Equal(WorkflowStatus.Declined, result.Status);
        var final = LastUpdate(o);
        Assert.Equal(WorkflowStatus.Declined, final.Status);
        Assert.Equal("DONT_KNOW_BUSINESS_SENDER", final.DeclineReason);
        Assert.Equal("Who are you?", final.DeclineComment);
        Assert.Equal(StepStatus.Declined, final.Steps[1].Status);
        Assert.DoesNotContain(ActivityNames.CreateCustomerAccount, o.ActivitySequence);
    }

    [Fact]
    public async Task RunAsync_BusinessCancels_IsCancelledAndRunsNoStep()
    {
        var o = Script(Plans.RebateToNewCard()).Raise(WorkflowEvent.Cancel());

        var result = await o.RunAsync();

        Assert.Equal(WorkflowStatus.Cancelled, result.Status);
        Assert.Equal([ActivityNames.SendNotification, ActivityNames.UpdateWorkflowStatus, ActivityNames.UpdateWorkflowStatus], o.ActivitySequence);
        Assert.Equal(WorkflowStatus.Cancelled, LastUpdate(o).Status);
        Assert.Null(LastUpdate(o).NextNotificationAt);
    }

    [Fact]
    public async Task RunAsync_BusinessResends_SendsManualSmsWithNextSerial()
    {
        var o = Script(Plans.NewCustomer())
            .Raise(WorkflowEvent.Resend(), TimeSpan.FromHours(3))
            .Raise(WorkflowEvent.SubmitProfile(Plans.Profile()));

        var result = await o.RunAsync();

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(
            [(0, NotificationOrigin.Initial), (1, NotificationOrigin.Manual)],
            o.InputsOf<SendNotificationInput>().Select(n => (n.Serial, n.Origin)));
        var afterResend = o.InputsOf<WorkflowStatusUpdate>().ElementAt(1);
        Assert.Equal(new DateTimeOffset(Start + TimeSpan.FromHours(3) + TimeSpan.FromDays(1)), afterResend.NextNotificationAt);
    }

    [Fact]
    public async Task RunAsync_BusinessExtends_ExpiryMovesAndTimerFollows()
    {
        var newExpiry = Start + TimeSpan.FromDays(10);
        var o = Script(Plans.NewCustomer(), reminderInterval: TimeSpan.FromDays(30))
            .Raise(WorkflowEvent.Extend(newExpiry))
            .FireTimer();

        var result = await o.RunAsync();

        Assert.Equal(WorkflowStatus.Expired, result.Status);
        Assert.Equal([Start + TimeSpan.FromDays(2), newExpiry], o.TimersCreated);
        Assert.Equal(newExpiry, o.Now);
        Assert.Equal(new DateTimeOffset(newExpiry), LastUpdate(o).ExpireAt);
    }

    [Fact]
    public async Task RunAsync_ExtendToThePast_IsIgnored()
    {
        var o = Script(Plans.NewCustomer(), reminderInterval: TimeSpan.FromDays(30))
            .Raise(WorkflowEvent.Extend(Start - TimeSpan.FromDays(1)))
            .FireTimer();

        var result = await o.RunAsync();

        Assert.Equal(WorkflowStatus.Expired, result.Status);
        Assert.Equal(new DateTimeOffset(Start + TimeSpan.FromDays(2)), LastUpdate(o).ExpireAt);
    }

    [Fact]
    public async Task RunAsync_CustomerNeverActs_RemindsDailyThenSendsExpirySmsAndExpires()
    {
        var plan = Plans.NewCustomer() with { ExpireIn = TimeSpan.FromDays(3) };
        var o = Script(plan).FireTimer().FireTimer().FireTimer();

        var result = await o.RunAsync();

        Assert.Equal(WorkflowStatus.Expired, result.Status);
        Assert.Equal([Start.AddDays(1), Start.AddDays(2), Start.AddDays(3)], o.TimersCreated);
        Assert.Equal(
            [(0, NotificationOrigin.Initial), (1, NotificationOrigin.Reminder), (2, NotificationOrigin.Reminder), (3, NotificationOrigin.Expiry)],
            o.InputsOf<SendNotificationInput>().Select(n => (n.Serial, n.Origin)));
        var final = LastUpdate(o);
        Assert.Equal(WorkflowStatus.Expired, final.Status);
        Assert.Null(final.NextNotificationAt);
        Assert.Equal(ActivityNames.UpdateWorkflowStatus, o.ActivitySequence.Last());
        Assert.Equal(ActivityNames.SendNotification, o.ActivitySequence.SkipLast(1).Last());
    }

    [Fact]
    public async Task RunAsync_ExpiryWithinOneInterval_SendsNoReminder()
    {
        var plan = Plans.NewCustomer() with { ExpireIn = TimeSpan.FromHours(20) };
        var o = Script(plan).FireTimer();

        var result = await o.RunAsync();

        Assert.Equal(WorkflowStatus.Expired, result.Status);
        Assert.Equal([Start.AddHours(20)], o.TimersCreated);
        Assert.DoesNotContain(o.InputsOf<SendNotificationInput>(), n => n.Origin == NotificationOrigin.Reminder);
    }

    [Fact]
    public async Task RunAsync_MoveMoneyFailsForGood_IsFailedWithReason()
    {
        var o = Script(Plans.RebateToExistingCard())
            .Handle(ActivityNames.MoveMoney, _ => throw new ActivityFailedException(
                ActivityNames.MoveMoney, new FailureDetails("System.InvalidOperationException", "Processor unavailable")))
            .Raise(WorkflowEvent.Confirm(StepNames.LookupProfile))
            .Raise(WorkflowEvent.Confirm(StepNames.LookupFinancialAccount))
            .Raise(WorkflowEvent.Confirm(StepNames.MoveMoney));

        var result = await o.RunAsync();

        Assert.Equal(WorkflowStatus.Failed, result.Status);
        Assert.Equal("The move-money step failed: Processor unavailable", result.Reason);
        var final = LastUpdate(o);
        Assert.Equal(WorkflowStatus.Failed, final.Status);
        Assert.Equal(result.Reason, final.FailureReason);
        Assert.Equal(StepStatus.Failed, final.Steps[3].Status);
        Assert.Equal(StepStatus.Completed, final.Steps[2].Status);
    }

    [Fact]
    public async Task RunAsync_TransactionDeclined_IsFailedWithDeclineReason()
    {
        var o = Script(Plans.RebateToExistingCard())
            .Handle(ActivityNames.MoveMoney, _ => ScriptedOrchestration.Transaction(TransactionId, TransactionStatus.Declined, reason: "Insufficient funds"))
            .Raise(WorkflowEvent.Confirm(StepNames.LookupProfile))
            .Raise(WorkflowEvent.Confirm(StepNames.LookupFinancialAccount))
            .Raise(WorkflowEvent.Confirm(StepNames.MoveMoney));

        var result = await o.RunAsync();

        Assert.Equal(WorkflowStatus.Failed, result.Status);
        Assert.Equal(TransactionId, result.TransactionId);
        Assert.Equal("The transaction was DECLINED: Insufficient funds", LastUpdate(o).FailureReason);
    }

    [Fact]
    public async Task RunAsync_ProfileNotFound_FailsWithoutWaiting()
    {
        var o = Script(Plans.NewCard())
            .Handle(ActivityNames.LookupProfile, i => new StepActivityOutput(((LookupInput)i).Id, false, new Dictionary<string, string>()));

        var result = await o.RunAsync();

        Assert.Equal(WorkflowStatus.Failed, result.Status);
        Assert.Contains("not found", result.Reason, StringComparison.Ordinal);
        Assert.Empty(o.TimersCreated);
    }

    [Fact]
    public async Task RunAsync_InitialSmsFails_IsFailed()
    {
        var o = Script(Plans.NewCustomer())
            .Handle(ActivityNames.SendNotification, _ => throw new ActivityFailedException(
                ActivityNames.SendNotification, new FailureDetails("SmsDeliveryException", "refused")));

        var result = await o.RunAsync();

        Assert.Equal(WorkflowStatus.Failed, result.Status);
        Assert.Equal(StepStatus.Failed, LastUpdate(o).Steps[0].Status);
    }

    [Fact]
    public async Task RunAsync_DuplicateAndStaleSubmissions_HaveExactlyOneEffect()
    {
        var o = Script(Plans.RebateToNewCard())
            .Raise(WorkflowEvent.Confirm(StepNames.MoveMoney))
            .Raise(WorkflowEvent.SubmitCard(Plans.Card()));
        for (var i = 0; i < 20; i++)
        {
            o.Raise(WorkflowEvent.SubmitProfile(Plans.Profile()));
        }

        o.Raise(WorkflowEvent.SubmitCard(Plans.Card())).Raise(WorkflowEvent.SubmitCard(Plans.Card())).Raise(WorkflowEvent.Confirm(StepNames.MoveMoney));

        var result = await o.RunAsync();

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Single(o.InputsOf<CreateCustomerAccountInput>());
        Assert.Single(o.InputsOf<CreateFinancialAccountInput>());
        Assert.Single(o.InputsOf<MoveMoneyInput>());
    }

    [Fact]
    public async Task RunAsync_BankSubmissionForCardStep_IsIgnored()
    {
        var o = Script(Plans.NewCard())
            .Raise(WorkflowEvent.Confirm(StepNames.LookupProfile))
            .Raise(WorkflowEvent.SubmitBankAccount(Plans.Bank()))
            .Raise(WorkflowEvent.Cancel());

        var result = await o.RunAsync();

        Assert.Equal(WorkflowStatus.Cancelled, result.Status);
        Assert.Empty(o.InputsOf<CreateFinancialAccountInput>());
    }

    [Fact]
    public async Task RunAsync_AchTransaction_CompletesThenSettlesAfterDurableTimer()
    {
        var settleAt = Start + TimeSpan.FromHours(6);
        var o = Script(Plans.RebateToNewCard(PaymentSolution.Ach))
            .Handle(ActivityNames.MoveMoney, _ => ScriptedOrchestration.Transaction(TransactionId, TransactionStatus.Pending, settleAt))
            .Handle(ActivityNames.SettleTransaction, _ => ScriptedOrchestration.Transaction(TransactionId, TransactionStatus.Settled))
            .Raise(WorkflowEvent.SubmitProfile(Plans.Profile()))
            .Raise(WorkflowEvent.SubmitBankAccount(Plans.Bank()))
            .Raise(WorkflowEvent.Confirm(StepNames.MoveMoney))
            .FireTimer();

        var result = await o.RunAsync();

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(settleAt, o.TimersCreated.Last());
        Assert.Equal([ActivityNames.MoveMoney, ActivityNames.UpdateWorkflowStatus, ActivityNames.SettleTransaction, ActivityNames.UpdateWorkflowStatus], o.ActivitySequence.TakeLast(4));
        Assert.Equal("Settled", LastUpdate(o).Steps[3].Data!["status"]);
        Assert.Equal(WorkflowStatus.Completed, LastUpdate(o).Status);
    }

    [Fact]
    public async Task RunAsync_EveryUpdate_HasIncreasingVersionAndMatchingCustomStatus()
    {
        var o = Script(Plans.RebateToExistingCard())
            .Raise(WorkflowEvent.Confirm(StepNames.LookupProfile))
            .Raise(WorkflowEvent.Confirm(StepNames.LookupFinancialAccount))
            .Raise(WorkflowEvent.Confirm(StepNames.MoveMoney));

        await o.RunAsync();

        var updates = o.InputsOf<WorkflowStatusUpdate>().ToList();
        Assert.Equal(Enumerable.Range(1, updates.Count).Select(i => (long)i), updates.Select(u => u.Version));
        var statuses = o.CustomStatuses.Cast<LinxCustomStatus>().ToList();
        Assert.Equal(updates.Count, statuses.Count);
        Assert.Equal(updates.Select(u => (u.Status, u.CurrentStep)), statuses.Select(s => (s.Status, s.CurrentStep)));
        Assert.Equal(StepNames.MoveMoney, statuses[^1].CurrentStepName);
    }

    private static ScriptedOrchestration Script(WorkflowPlan plan, TimeSpan? reminderInterval = null)
    {
        var input = new LinxOrchestrationInput(WorkflowId, BusinessId, plan, Start + plan.ExpireIn, reminderInterval ?? TimeSpan.FromDays(1));
        return new ScriptedOrchestration(input, Start)
            .Handle(ActivityNames.CreateCustomerAccount, _ => ScriptedOrchestration.Found(NewCustomerId))
            .Handle(ActivityNames.LookupProfile, i => ScriptedOrchestration.Found(((LookupInput)i).Id))
            .Handle(ActivityNames.CreateFinancialAccount, _ => ScriptedOrchestration.Found(NewAccountId))
            .Handle(ActivityNames.LookupFinancialAccount, i => ScriptedOrchestration.Found(((LookupInput)i).Id))
            .Handle(ActivityNames.MoveMoney, _ => ScriptedOrchestration.Transaction(TransactionId, TransactionStatus.Settled));
    }

    private static WorkflowStatusUpdate LastUpdate(ScriptedOrchestration o) => o.InputsOf<WorkflowStatusUpdate>().Last();
}
