using System.Text.Json;
using LinX.Core.Accounts;
using LinX.Core.Customers;
using LinX.Core.Management;
using LinX.Core.Orchestration;
using LinX.Core.Payments;
using LinX.Core.Workflows;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;
using Microsoft.DurableTask.Client;

namespace LinX.Infrastructure.Tests.Orchestration;

/// <summary>
/// The four seed plans on the Durable Task SDK's engine (<see cref="DurableEngine"/>: its worker replays the orchestrator,
/// its converter carries every payload) with the real activities and Azurite, the customer scripted through the Gateway service.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class DurableWorkflowTests(AzuriteFixture azurite)
{
    public static readonly TheoryData<int> Seeds = [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task SeedPlan_OnTheSdkEngine_RunsToCompletedWithStoredRows(int seed)
    {
        await using var host = await TestHost.StartAsync(azurite, durable: true);
        var plan = seed switch
        {
            0 => TestPlans.NewCustomer(),
            1 => TestPlans.NewCard(),
            2 => TestPlans.RebateToNewAccount(FinancialAccountSubType.Debit, PaymentSolution.PushToCard),
            _ => TestPlans.RebateToExistingCard(),
        };
        var created = await TestPlans.CreateAsync(host, plan);

        await InlineWorkflowTests.PlayCustomerAsync(host, created, plan);
        var instance = await Poll.UntilAsync(
            () => host.Get<DurableTaskClient>().GetInstanceAsync(created.WorkflowId.ToString("D"), getInputsAndOutputs: true),
            i => i.IsCompleted,
            TimeSpan.FromSeconds(60),
            "the orchestration to finish");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        var output = JsonSerializer.Deserialize<WorkflowResult>(instance.SerializedOutput!, JsonSerializerOptions.Web)!;
        Assert.Equal(WorkflowStatus.Completed, output.Status);
        var custom = JsonSerializer.Deserialize<LinxCustomStatus>(instance.SerializedCustomStatus!, JsonSerializerOptions.Web)!;
        Assert.Equal((WorkflowStatus.Completed, plan.Steps.Count - 1), (custom.Status, custom.CurrentStep));
        var details = (await host.Get<WorkflowService>().GetAsync(host.DemoBusiness, created.WorkflowId, CancellationToken.None)).Value!;
        Assert.Equal((WorkflowStatus.Completed, output.CustomerId, output.FinancialAccountId, output.TransactionId),
            (details.Status, details.CustomerId, details.FinancialAccountId, details.TransactionId));
        Assert.NotNull(await host.Get<ICustomerStore>().GetAsync(DemoData.BusinessId, output.CustomerId!.Value, CancellationToken.None));
        if (output.FinancialAccountId is { } accountId)
        {
            Assert.Equal("4242", (await host.Get<IFinancialAccountStore>().GetAsync(DemoData.BusinessId, accountId, CancellationToken.None))!.Last4);
        }

        if (output.TransactionId is { } transactionId)
        {
            Assert.Equal(TransactionStatus.Settled, (await host.Get<ITransactionStore>().GetAsync(DemoData.BusinessId, transactionId, CancellationToken.None))!.Status);
        }

        Assert.Single(host.Sms.Messages);
        Assert.Contains("\"workflowId\":", instance.SerializedInput, StringComparison.Ordinal); // the hosts' Web JSON
        Assert.DoesNotContain("6471234567", instance.SerializedInput, StringComparison.Ordinal);
    }
}
