using LinX.Core.Consent;
using LinX.Core.Customers;
using LinX.Core.Webhooks;
using LinX.Core.Workflows;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Tests.Storage;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;
using Microsoft.DurableTask.Client;

namespace LinX.Infrastructure.Tests.Orchestration;

/// <summary>
/// A request of every slot (enhance-profile and document-acceptance among them) with the real activities and Azurite, the
/// customer on the Gateway service: each activity run twice (at-least-once delivery), or the orchestrator replayed by the
/// SDK's engine at every await, ends as the same single outcome as one plain run: the profile enhanced once, each
/// document's acceptance stored once with its version and hash, one webhook event per change.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ProfileAndDocumentWorkflowTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EverySlot_EachActivityRunTwice_EndsAsTheSameSingleOutcomeAsRunOnce()
    {
        var once = await RunInlineAsync(runsPerActivity: 1);

        var twice = await RunInlineAsync(runsPerActivity: 2);

        AssertSingleOutcome(once);
        Assert.Equal(once, twice);
    }

    [Fact]
    public async Task EverySlot_ReplayedByTheSdkEngine_EndsAsTheSameSingleOutcomeAsInline()
    {
        var inline = await RunInlineAsync(runsPerActivity: 1);

        var replayed = await RunOnTheSdkEngineAsync();

        AssertSingleOutcome(replayed);
        Assert.Equal(inline, replayed);
    }

    private static void AssertSingleOutcome(Outcome outcome)
    {
        Assert.Equal((WorkflowStatus.Completed, 1, 1), (outcome.Status, outcome.NewCustomers, outcome.Sms));
        Assert.Equal("MS 1990-04-02 | MAILING PO Box 12 | HOME +14165550123", outcome.Profile);
        Assert.Equal(
            [$"{DemoDocuments.ECommunicationConsentId} E_COMMUNICATION v1 ", $"{DemoDocuments.PrivacyPolicyId} PRIVACY_POLICY v1 "],
            outcome.Documents.Split('\n').Select(d => d[..(d.LastIndexOf(' ') + 1)]));
        Assert.All(outcome.Documents.Split('\n'), d => Assert.Matches(" [0-9a-f]{64}$", d));
        var events = outcome.Events.Split('\n');
        Assert.Equal(events.Distinct(), events);
        Assert.Contains(events, e => e.StartsWith(WebhookEventTypes.CustomerStatusUpdated + "@", StringComparison.Ordinal));
        Assert.Single(events, e => e.StartsWith(WebhookEventTypes.WorkflowCompleted + "@", StringComparison.Ordinal));
        // One linx.workflow-updated per row the orchestrator wrote (versions 1 to N over the created row's 0): one per change.
        Assert.Equal(outcome.Version, events.Count(e => e.StartsWith(WebhookEventTypes.WorkflowUpdated + "@", StringComparison.Ordinal)));
    }

    private async Task<Outcome> RunInlineAsync(int runsPerActivity)
    {
        await using var host = await TestHost.StartAsync(azurite);
        var (subscription, customersBefore) = await ArrangeAsync(host);

        var (created, run) = await InlineWorkflowTests.RunToEndAsync(host, TestPlans.EverySlot(), runsPerActivity);
        var result = await run.Run.WaitAsync(InlineOrchestration.Deadline);

        return await OutcomeAsync(host, created.WorkflowId, result.CustomerId!.Value, subscription, customersBefore);
    }

    private async Task<Outcome> RunOnTheSdkEngineAsync()
    {
        await using var host = await TestHost.StartAsync(azurite, durable: true);
        var (subscription, customersBefore) = await ArrangeAsync(host);
        var plan = TestPlans.EverySlot();
        var created = await TestPlans.CreateAsync(host, plan);

        await InlineWorkflowTests.PlayCustomerAsync(host, created, plan);
        await Poll.UntilAsync(
            () => host.Get<DurableTaskClient>().GetInstanceAsync(created.WorkflowId.ToString("D")),
            i => i?.IsCompleted == true,
            TimeSpan.FromSeconds(60),
            "the orchestration to finish");

        var customerId = (await host.Get<IWorkflowStore>().GetAsync(DemoData.BusinessId, created.WorkflowId, CancellationToken.None))!.CustomerId!.Value;
        return await OutcomeAsync(host, created.WorkflowId, customerId, subscription, customersBefore);
    }

    /// <summary>A subscription to every event type (never dispatched here: the events are read from its delivery log), and the customers stored.</summary>
    private static async Task<(Guid Subscription, int CustomersBefore)> ArrangeAsync(TestHost host)
    {
        var subscription = Guid.NewGuid();
        await host.Get<IWebhookSubscriptionStore>().UpsertAsync(
            new WebhookSubscription
            {
                SubscriptionId = subscription,
                BusinessId = DemoData.BusinessId,
                Url = new Uri("https://hooks.example.com/linx"),
                EventTypes = WebhookEventTypes.All,
                State = WebhookSubscriptionState.Active,
                EncryptedSecret = "not-used-no-delivery-is-attempted",
                CreatedAt = DateTimeOffset.UnixEpoch,
                UpdatedAt = DateTimeOffset.UnixEpoch,
            },
            CancellationToken.None);
        return (subscription, await TableStoresTests.CustomerCountAsync(host.Tables.Customers));
    }

    private static async Task<Outcome> OutcomeAsync(TestHost host, Guid workflowId, Guid customerId, Guid subscription, int customersBefore)
    {
        var workflow = (await host.Get<IWorkflowStore>().GetAsync(DemoData.BusinessId, workflowId, CancellationToken.None))!;
        var customer = (await host.Get<ICustomerStore>().GetAsync(DemoData.BusinessId, customerId, CancellationToken.None))!;
        var documents = (await host.Get<IConsentStore>().ListAsync(DemoData.BusinessId, workflowId, CancellationToken.None))
            .Where(e => e.Kind == ConsentKind.Document)
            .Select(e => $"{e.DocumentId} {Core.Workflows.WireValues.DocumentGroups.Format(e.DocumentGroup!.Value)} v{e.TextVersion} {e.TextSha256}")
            .Order(StringComparer.Ordinal);
        var events = (await host.Get<IWebhookDeliveryStore>().ListAsync(subscription, 100, CancellationToken.None))
            .OrderBy(d => d.Sequence)
            .Select(d => $"{d.EventType}@{d.Sequence}");
        return new Outcome(
            workflow.Status,
            workflow.Version,
            await TableStoresTests.CustomerCountAsync(host.Tables.Customers) - customersBefore,
            host.Sms.Messages.Count,
            $"{customer.Salutation} {customer.DateOfBirth:yyyy-MM-dd} | "
                + string.Join(", ", customer.OtherAddresses.Select(a => $"{a.Type.ToString().ToUpperInvariant()} {a.Address.StreetLine1}")) + " | "
                + string.Join(", ", customer.OtherPhoneNumbers.Select(p => $"{p.Type.ToString().ToUpperInvariant()} {p.PhoneNumber}")),
            string.Join('\n', documents),
            string.Join('\n', events));
    }

    /// <summary>What a run leaves behind, as text so that two runs compare by value.</summary>
    private sealed record Outcome(WorkflowStatus Status, long Version, int NewCustomers, int Sms, string Profile, string Documents, string Events);
}
