using LinX.Core.Activities;
using LinX.Core.Customers;
using LinX.Core.Payments;
using LinX.Core.Workflows;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;

namespace LinX.Infrastructure.Tests.Activities;

/// <summary>A step's activity writes the workflow row the orchestrator asked for, with its own result in it, once.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class StatusAfterStepTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CreateCustomerAccount_WithStatusAfterStep_WritesTheRowWithTheCustomerOnceAcrossReRuns()
    {
        // Arrange: the orchestrator's snapshot after the last step (customer-account): COMPLETED, version 1.
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        var then = new StatusAfterStep(Completed(created.WorkflowId, 1), Step: 1);
        var input = new CreateCustomerAccountInput(DemoData.BusinessId, created.WorkflowId, TestPlans.SealedProfile(host, created.WorkflowId), "+1647*****67", then);
        var activity = host.Get<CreateCustomerAccountActivity>();

        // Act: the activity runs twice, as an activity may.
        var first = await activity.RunAsync(input, CancellationToken.None);
        var again = await activity.RunAsync(input, CancellationToken.None);

        // Assert: the row holds the snapshot completed with the customer and the step's data, at version 1.
        var row = (await host.Get<IWorkflowStore>().GetAsync(DemoData.BusinessId, created.WorkflowId, CancellationToken.None))!;
        var data = TestPlans.Open(host, created.WorkflowId, first.SealedData);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(data, TestPlans.Open(host, created.WorkflowId, again.SealedData));
        Assert.Equal((WorkflowStatus.Completed, 1L, first.Id), (row.Status, row.Version, row.CustomerId));
        Assert.Equal(data, row.Steps[1].Data);
        Assert.Equal("Jane", data["firstName"]);
    }

    [Fact]
    public async Task MoveMoney_Declined_DoesNotWriteTheStatusAfterStep()
    {
        // Arrange: an existing card and the sandbox processor, which declines amounts ending in .13.
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.RebateToExistingCard());
        var then = new StatusAfterStep(Completed(created.WorkflowId, 1), Step: 1);

        // Act
        var moved = await host.Get<MoveMoneyActivity>().RunAsync(
            new MoveMoneyInput(DemoData.BusinessId, created.WorkflowId, DemoData.CustomerFinancialAccountId, TestPlans.Rebate(amount: 20.13m), then),
            CancellationToken.None);

        // Assert: declined, and the row was not moved to COMPLETED.
        var row = (await host.Get<IWorkflowStore>().GetAsync(DemoData.BusinessId, created.WorkflowId, CancellationToken.None))!;
        Assert.Equal(TransactionStatus.Declined, moved.Status);
        Assert.NotEqual(WorkflowStatus.Completed, row.Status);
        Assert.Null(row.TransactionId);
    }

    private static WorkflowStatusUpdate Completed(Guid workflowId, long version) => new(
        DemoData.BusinessId, workflowId, version, WorkflowStatus.Completed, 1,
        [new StepState(StepNames.Notification, StepStatus.Completed), new StepState(StepNames.CustomerAccount, StepStatus.Completed)],
        DateTimeOffset.UtcNow.AddDays(1), null, DateTimeOffset.UtcNow, null, null, null, null, null, null);
}
