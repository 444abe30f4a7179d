using LinX.Core.Activities;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;
using Microsoft.DurableTask.Client;

namespace LinX.Core.Tests.Orchestration;

/// <summary>The enhance-profile and document-acceptance steps on the real engine: replayed at every await, submitted twice.</summary>
public sealed partial class LinxOrchestrationReplayTests
{
    [Fact]
    public async Task RunAsync_EnhancementAndDocumentsSubmittedTwice_EnhancesOnceAcceptsOnceAndWritesOneRowPerChange()
    {
        // Arrange: every slot of a request; the customer double-clicks on the two new steps.
        var id = await host.StartAsync(Input(Plans.EverySlot()));
        await host.WaitingAtAsync(id, 1);
        await host.RaiseAsync(id, WorkflowEvent.SubmitProfile(Plans.SealedProfile()));
        await host.WaitingAtAsync(id, 2);

        // Act
        await host.RaiseAsync(id, WorkflowEvent.SubmitEnhancement(Plans.SealedEnhancement()));
        await host.RaiseAsync(id, WorkflowEvent.SubmitEnhancement(new("sealed-enhancement-of-the-second-click")));
        await host.WaitingAtAsync(id, 3);
        await host.RaiseAsync(id, WorkflowEvent.SubmitCard(Plans.SealedCard()));
        await host.WaitingAtAsync(id, 4);
        await host.RaiseAsync(id, WorkflowEvent.Confirm(StepNames.DocumentAcceptance));
        await host.RaiseAsync(id, WorkflowEvent.Confirm(StepNames.DocumentAcceptance));
        await host.WaitingAtAsync(id, 5);
        await host.RaiseAsync(id, WorkflowEvent.Confirm(StepNames.MoveMoney));
        var done = await host.CompletedAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(
            new WorkflowResult(WorkflowStatus.Completed, FakeActivities.CustomerIdOf(_workflowId), FakeActivities.AccountIdOf(_workflowId), FakeActivities.TransactionIdOf(_workflowId)),
            done.ReadOutputAs<WorkflowResult>());
        Assert.Equal(
            [
                ActivityNames.SendNotification, ActivityNames.CreateCustomerAccount, ActivityNames.EnhanceProfile,
                ActivityNames.CreateFinancialAccount, ActivityNames.AcceptDocuments, ActivityNames.MoveMoney,
            ],
            Calls().Select(c => c.Name));
        var enhance = Assert.Single(Inputs<EnhanceProfileInput>());
        Assert.Equal((FakeActivities.CustomerIdOf(_workflowId), Plans.SealedEnhancement()), (enhance.CustomerId, enhance.SealedEnhancement));
        Assert.Equal(Plans.Documents(), Assert.Single(Inputs<AcceptDocumentsInput>()).Step);
        var rows = Snapshots();
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => (long)i), rows.Select(u => u.Version));
        Assert.Equal([1, 2, 3, 4, 5, 5], rows.Select(u => u.CurrentStep));
        var documents = rows[^1].Steps[4].Data!;
        Assert.Equal(
            ("E_COMMUNICATION v1 sha256:" + new string('c', 64), "PRIVACY_POLICY v3 sha256:" + new string('d', 64)),
            (documents["document.e-communication-consent"], documents["document.privacy-policy"]));
        var ignored = host.Logs.InCategory(LinxOrchestration.Name).Where(e => e.EventId == 7 && e.Message.Contains(_workflowId.ToString(), StringComparison.Ordinal));
        Assert.Equal(
            [$"Workflow {_workflowId} ignored a Submit event for step enhance-profile", $"Workflow {_workflowId} ignored a Submit event for step document-acceptance"],
            ignored.Select(e => e.Message));
    }
}
