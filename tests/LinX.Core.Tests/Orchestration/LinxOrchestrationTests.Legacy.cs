using LinX.Core.Activities;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Orchestration;

/// <summary>
/// Histories written before ADR 0011 hold the customer's submissions and the steps' data in the clear; for one release
/// the orchestrator still reads them, so that instances started before the change replay and finish.
/// </summary>
public sealed partial class LinxOrchestrationTests
{
    [Fact]
    public async Task RunAsync_PlainSubmissionsAndStepDataOfAnOlderHistory_AreAcceptedAndPassedOn()
    {
        // Arrange: a plain profile and card, and a customer activity that answered plain data.
        var plain = new Dictionary<string, string> { ["customerId"] = NewCustomerId.ToString("D"), ["firstName"] = "John" };
        var o = Script(Plans.RebateToNewCard())
            .Answer<CreateCustomerAccountInput, StepActivityOutput>(ActivityNames.CreateCustomerAccount, _ => new StepActivityOutput(NewCustomerId, true, null, plain))
            .Raise(new WorkflowEvent(WorkflowEventKind.Submit, StepNames.CustomerAccount, Profile: Plans.Profile()))
            .Raise(new WorkflowEvent(WorkflowEventKind.Submit, StepNames.FinancialAccount, Card: Plans.Card()))
            .Raise(WorkflowEvent.Confirm(StepNames.MoveMoney));

        // Act
        var result = await RunAsync(o);

        // Assert: each plain submission reached its activity; the plain step data is carried on as it came.
        Assert.Equal(new WorkflowResult(WorkflowStatus.Completed, NewCustomerId, NewAccountId, TransactionId), result);
        var customer = Assert.Single(o.InputsOf<CreateCustomerAccountInput>());
        Assert.Equal((null, Plans.Profile()), (customer.SealedProfile, customer.Profile));
        var account = Assert.Single(o.InputsOf<CreateFinancialAccountInput>());
        Assert.Equal((null, Plans.Card(), null, null), (account.SealedCard, account.Card, account.SealedBankAccount, account.BankAccount));
        var final = LastUpdate(o);
        Assert.Equal((plain, NewAccountId.ToString("D"), "SETTLED"), (final.Steps[1].Data, final.Steps[2].Data!["id"], final.Steps[3].Data!["status"]));
    }
}
