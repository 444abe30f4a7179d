using LinX.Core.Activities;
using LinX.Core.Notifications;
using LinX.Core.Orchestration;
using LinX.Core.Payments;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Orchestration;

/// <summary>The four seed examples and the pending ACH settlement: the happy paths, step by step.</summary>
public sealed partial class LinxOrchestrationTests
{
    [Fact]
    public async Task RunAsync_NewCustomerSeed_SendsSmsThenCreatesCustomerAndCompletes()
    {
        // Arrange
        var o = Script(Plans.NewCustomer()).Raise(WorkflowEvent.SubmitProfile(Plans.SealedProfile()));

        // Act
        var result = await RunAsync(o);

        // Assert
        Assert.Equal(new WorkflowResult(WorkflowStatus.Completed, NewCustomerId), result);
        Assert.Equal([ActivityNames.SendNotification, ActivityNames.CreateCustomerAccount], o.ActivitySequence);
        var sms = Assert.Single(o.InputsOf<SendNotificationInput>());
        Assert.Equal(new SendNotificationInput(BusinessId, WorkflowId, 0, NotificationOrigin.Initial), sms with { Then = null });
        Assert.NotNull(sms.Then);
        var create = Assert.Single(o.InputsOf<CreateCustomerAccountInput>());
        Assert.Equal((BusinessId, WorkflowId, Plans.SealedProfile(), null, "+1647*****67"), (create.BusinessId, create.WorkflowId, create.SealedProfile, create.Profile, create.MaskedPhoneNumber));
        Assert.Equal([1L, 2L], o.StatusSnapshots.Select(u => u.Version));
        var waiting = o.StatusSnapshots[0];
        Assert.Equal((WorkflowStatus.Active, 1, Start.AddDays(1)), (waiting.Status, waiting.CurrentStep, waiting.NextNotificationAt!.Value.UtcDateTime));
        Assert.Equal([StepStatus.Completed, StepStatus.Active], waiting.Steps.Select(s => s.Status));
        var final = LastUpdate(o);
        Assert.Equal((WorkflowStatus.Completed, NewCustomerId), (final.Status, final.CustomerId));
        Assert.All(final.Steps, s => Assert.Equal(StepStatus.Completed, s.Status));
        Assert.Equal(NewCustomerId.ToString("D"), final.Steps[1].Data!["id"]);
        Assert.Equal(new DateTimeOffset(o.Now), final.CompletedAt);
        Assert.Equal(new DateTimeOffset(Start.AddDays(2)), final.ExpireAt);
        Assert.Null(final.NextNotificationAt);
        Assert.Equal(new LinxCustomStatus(WorkflowStatus.Completed, 1, StepNames.CustomerAccount, LastCustomStatus(o).Steps, Start.AddDays(2), null), LastCustomStatus(o));
        Assert.Equal([Start.AddDays(1)], o.TimersCreated);
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_NewCardSeed_LooksUpProfileShowsItWaitsForConfirmThenCreatesCard()
    {
        var o = Script(Plans.NewCard())
            .Raise(WorkflowEvent.Confirm(StepNames.LookupProfile))
            .Raise(WorkflowEvent.SubmitCard(Plans.SealedCard()));

        var result = await RunAsync(o);

        Assert.Equal(new WorkflowResult(WorkflowStatus.Completed, Plans.DemoCustomerId, NewAccountId), result);
        Assert.Equal(
            [
                ActivityNames.SendNotification, ActivityNames.LookupProfile, ActivityNames.UpdateWorkflowStatus,
                ActivityNames.UpdateWorkflowStatus, ActivityNames.CreateFinancialAccount,
            ],
            o.ActivitySequence);
        Assert.Equal(new LookupInput(BusinessId, Plans.DemoCustomerId, WorkflowId: WorkflowId), Assert.Single(o.InputsOf<LookupInput>()));
        var shown = o.StatusSnapshots[1];
        Assert.Equal((1, StepStatus.Active, Plans.DemoCustomerId.ToString("D")), (shown.CurrentStep, shown.Steps[1].Status, shown.Steps[1].Data!["id"]));
        Assert.Null(shown.CustomerId); // accepted only once the customer confirms
        var create = Assert.Single(o.InputsOf<CreateFinancialAccountInput>());
        Assert.Equal((Plans.DemoCustomerId, FinancialAccountSubType.Debit, Plans.SealedCard(), null), (create.CustomerId, create.SubType, create.SealedCard, create.SealedBankAccount));
        Assert.Equal((Plans.DemoCustomerId, NewAccountId), (LastUpdate(o).CustomerId, LastUpdate(o).FinancialAccountId));
        Assert.Equal((WorkflowStatus.Completed, NewAccountId.ToString("D")), (LastUpdate(o).Status, LastUpdate(o).Steps[2].Data!["id"]));
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_RebateToNewCardSeed_CreatesCustomerCardAndTransaction()
    {
        var o = Script(Plans.RebateToNewCard())
            .Raise(WorkflowEvent.SubmitProfile(Plans.SealedProfile()))
            .Raise(WorkflowEvent.SubmitCard(Plans.SealedCard()))
            .Raise(WorkflowEvent.Confirm(StepNames.MoveMoney));

        var result = await RunAsync(o);

        Assert.Equal(new WorkflowResult(WorkflowStatus.Completed, NewCustomerId, NewAccountId, TransactionId), result);
        Assert.Equal(
            [ActivityNames.SendNotification, ActivityNames.CreateCustomerAccount, ActivityNames.CreateFinancialAccount, ActivityNames.MoveMoney],
            o.ActivitySequence);
        Assert.Equal(NewCustomerId, Assert.Single(o.InputsOf<CreateFinancialAccountInput>()).CustomerId);
        Assert.Equal(new MoveMoneyInput(BusinessId, WorkflowId, NewAccountId, Plans.Rebate(), Attempt: 1), Assert.Single(o.InputsOf<MoveMoneyInput>()) with { Then = null });
        Assert.Equal(
            [(WorkflowStatus.Active, 1), (WorkflowStatus.Active, 2), (WorkflowStatus.Active, 3), (WorkflowStatus.Completed, 3)],
            o.StatusSnapshots.Select(u => (u.Status, u.CurrentStep)));
        Assert.Equal("SETTLED", LastUpdate(o).Steps[3].Data!["status"]);
        Assert.Equal((NewCustomerId, NewAccountId, TransactionId), (LastUpdate(o).CustomerId, LastUpdate(o).FinancialAccountId, LastUpdate(o).TransactionId));
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_RebateToExistingCardSeed_LooksUpBothThenMovesMoney()
    {
        var o = Script(Plans.RebateToExistingCard())
            .Raise(WorkflowEvent.Confirm(StepNames.LookupProfile))
            .Raise(WorkflowEvent.Confirm(StepNames.LookupFinancialAccount))
            .Raise(WorkflowEvent.Confirm(StepNames.MoveMoney));

        var result = await RunAsync(o);

        Assert.Equal(new WorkflowResult(WorkflowStatus.Completed, Plans.DemoCustomerId, Plans.DemoCustomerAccountId, TransactionId), result);
        Assert.Equal(
            [
                ActivityNames.SendNotification, ActivityNames.LookupProfile, ActivityNames.UpdateWorkflowStatus,
                ActivityNames.UpdateWorkflowStatus, ActivityNames.LookupFinancialAccount, ActivityNames.UpdateWorkflowStatus,
                ActivityNames.UpdateWorkflowStatus, ActivityNames.MoveMoney,
            ],
            o.ActivitySequence);
        Assert.Equal(
            [
                new LookupInput(BusinessId, Plans.DemoCustomerId, WorkflowId: WorkflowId),
                new LookupInput(BusinessId, Plans.DemoCustomerAccountId, Plans.DemoCustomerId, WorkflowId),
            ],
            o.InputsOf<LookupInput>());
        Assert.Equal(Plans.DemoCustomerAccountId, Assert.Single(o.InputsOf<MoveMoneyInput>()).CustomerFinancialAccountId);
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_EverySlotNewCustomer_RunsTheSixStepsInRequestOrderAndCompletes()
    {
        var o = Script(Plans.EverySlot())
            .Raise(WorkflowEvent.SubmitProfile(Plans.SealedProfile()))
            .Raise(WorkflowEvent.SubmitEnhancement(Plans.SealedEnhancement()))
            .Raise(WorkflowEvent.SubmitCard(Plans.SealedCard()))
            .Raise(WorkflowEvent.Confirm(StepNames.DocumentAcceptance))
            .Raise(WorkflowEvent.Confirm(StepNames.MoveMoney));

        var result = await RunAsync(o);

        Assert.Equal(new WorkflowResult(WorkflowStatus.Completed, NewCustomerId, NewAccountId, TransactionId), result);
        Assert.Equal(
            [
                ActivityNames.SendNotification, ActivityNames.CreateCustomerAccount, ActivityNames.EnhanceProfile,
                ActivityNames.CreateFinancialAccount, ActivityNames.AcceptDocuments, ActivityNames.MoveMoney,
            ],
            o.ActivitySequence);
        var enhance = Assert.Single(o.InputsOf<EnhanceProfileInput>());
        Assert.Equal((BusinessId, WorkflowId, NewCustomerId, Plans.SealedEnhancement()), (enhance.BusinessId, enhance.WorkflowId, enhance.CustomerId, enhance.SealedEnhancement));
        Assert.Equal(Plans.Documents(), Assert.Single(o.InputsOf<AcceptDocumentsInput>()).Step);
        Assert.Equal(
            [(WorkflowStatus.Active, 1), (WorkflowStatus.Active, 2), (WorkflowStatus.Active, 3), (WorkflowStatus.Active, 4), (WorkflowStatus.Active, 5), (WorkflowStatus.Completed, 5)],
            o.StatusSnapshots.Select(u => (u.Status, u.CurrentStep)));
        var final = LastUpdate(o);
        Assert.All(final.Steps, s => Assert.Equal(StepStatus.Completed, s.Status));
        Assert.Equal(
            ("E_COMMUNICATION v1 sha256:" + new string('c', 64), "PRIVACY_POLICY v3 sha256:" + new string('d', 64)),
            (final.Steps[4].Data!["document.e-communication-consent"], final.Steps[4].Data!["document.privacy-policy"]));
        Assert.Equal("DR", final.Steps[2].Data!["salutation"]);
        AssertWellBehaved(o);
    }

    [Fact]
    public async Task RunAsync_EverySlotLookedUpCustomer_EnhancesTheLookedUpCustomerThenAcceptsDocumentsBeforeTheMoney()
    {
        var o = Script(Plans.EverySlot(lookUp: true))
            .Raise(WorkflowEvent.Confirm(StepNames.LookupProfile))
            .Raise(WorkflowEvent.SubmitEnhancement(Plans.SealedEnhancement()))
            .Raise(WorkflowEvent.Confirm(StepNames.LookupFinancialAccount))
            .Raise(WorkflowEvent.Confirm(StepNames.DocumentAcceptance))
            .Raise(WorkflowEvent.Confirm(StepNames.MoveMoney));

        var result = await RunAsync(o);

        Assert.Equal(new WorkflowResult(WorkflowStatus.Completed, Plans.DemoCustomerId, Plans.DemoCustomerAccountId, TransactionId), result);
        Assert.Equal(
            [
                ActivityNames.SendNotification, ActivityNames.LookupProfile, ActivityNames.UpdateWorkflowStatus, ActivityNames.UpdateWorkflowStatus,
                ActivityNames.EnhanceProfile, ActivityNames.LookupFinancialAccount, ActivityNames.UpdateWorkflowStatus, ActivityNames.UpdateWorkflowStatus,
                ActivityNames.AcceptDocuments, ActivityNames.MoveMoney,
            ],
            o.ActivitySequence);
        Assert.Equal(Plans.DemoCustomerId, Assert.Single(o.InputsOf<EnhanceProfileInput>()).CustomerId);
        Assert.Equal(Plans.DemoCustomerAccountId, Assert.Single(o.InputsOf<MoveMoneyInput>()).CustomerFinancialAccountId);
        Assert.Equal((WorkflowStatus.Completed, 5), (LastUpdate(o).Status, LastUpdate(o).CurrentStep));
        AssertWellBehaved(o);
    }
}
