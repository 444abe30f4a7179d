using Grpc.Core;
using LinX.Core;
using LinX.Core.Activities;
using LinX.Core.Businesses;
using LinX.Core.Management;
using LinX.Core.Notifications;
using LinX.Core.Orchestration;
using LinX.Core.Security;
using LinX.Core.Workflows;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Tests.Storage;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;
using Microsoft.DurableTask.Client;

namespace LinX.Infrastructure.Tests.Services;

[Collection(AzuriteGroup.Name)]
public sealed class WorkflowServiceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CreateAsync_RejectedRequest_PersistsNothingAndSchedulesNothing()
    {
        await using var host = await TestHost.StartAsync(azurite);

        var result = await host.Get<WorkflowService>().CreateAsync(host.DemoBusiness, TestPlans.Json("{\"title\":1}"), "key-abcdef", CancellationToken.None);

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.NotEmpty(result.Errors);
        Assert.Equal(0, await TableStoresTests.CountAsync(host.Tables.Workflows));
        Assert.Equal(0, await TableStoresTests.CountAsync(host.Tables.LinkTokens));
        Assert.Empty(host.Orchestrations.Scheduled);
    }

    [Fact]
    public async Task CreateAsync_ShortIdempotencyKey_IsInvalid()
    {
        await using var host = await TestHost.StartAsync(azurite);

        var result = await host.Get<WorkflowService>().CreateAsync(host.DemoBusiness, TestPlans.Json("{}"), "abc", CancellationToken.None);

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.Equal(ServiceErrorCodes.IdempotencyKeyInvalid, Assert.Single(result.Errors).ErrorCode);
    }

    [Fact]
    public async Task CreateValidated_StoresMaskedPlanAndSchedulesMaskedInput()
    {
        await using var host = await TestHost.StartAsync(azurite);

        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer(passcode: true));

        Assert.Matches("^[0-9]{6}$", created.Passcode);
        Assert.StartsWith("https://linx.example.test/linx/", created.Link, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 12, 0, 0, TimeSpan.Zero), created.ExpireAt);
        var (name, input, instanceId) = Assert.Single(host.Orchestrations.Scheduled);
        Assert.Equal((LinxOrchestration.Name, created.WorkflowId.ToString("D")), (name, instanceId));
        var orchestrationInput = Assert.IsType<LinxOrchestrationInput>(input);
        Assert.Equal("+1647*****67", orchestrationInput.Plan.Notification.PhoneNumber);
        Assert.Equal(TimeSpan.FromDays(1), orchestrationInput.ReminderInterval);
        var details = (await host.Get<WorkflowService>().GetAsync(host.DemoBusiness, created.WorkflowId, CancellationToken.None)).Value!;
        Assert.Equal((WorkflowStatus.Created, true, "+1647*****67"), (details.Status, details.PasscodeRequired, details.PhoneNumber));
    }

    [Fact]
    public async Task CreateAsync_SameKeySameBody_ReturnsSameWorkflowAndReschedulesIt()
    {
        await using var host = await TestHost.StartAsync(azurite);
        const string body = "{\"title\":\"same\"}";
        var first = await TestPlans.CreateAsync(host, TestPlans.NewCustomer(), body, "order-42-key");

        var replay = await host.Get<WorkflowService>().CreateAsync(host.DemoBusiness, TestPlans.Json(body), "order-42-key", CancellationToken.None);

        Assert.Equal(ServiceOutcome.Accepted, replay.Outcome);
        Assert.True(replay.Value!.IdempotentReplay);
        Assert.Equal((first.WorkflowId, first.Link), (replay.Value.WorkflowId, replay.Value.Link));
        Assert.Null(replay.Value.Passcode);
        Assert.Equal([first.WorkflowId.ToString("D"), first.WorkflowId.ToString("D")], host.Orchestrations.Scheduled.Select(s => s.InstanceId));
        Assert.Equal(2, await TableStoresTests.CountAsync(host.Tables.Workflows));
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Pending)]
    [InlineData(OrchestrationRuntimeStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Completed)]
    [InlineData(OrchestrationRuntimeStatus.Failed)]
    [InlineData(OrchestrationRuntimeStatus.Terminated)]
    public async Task CreateAsync_RetriedWhileOrAfterItRuns_AcceptedWithoutStartingItAgain(OrchestrationRuntimeStatus status)
    {
        await using var host = await TestHost.StartAsync(azurite);
        const string body = "{\"title\":\"retried\"}";
        var first = await TestPlans.CreateAsync(host, TestPlans.NewCustomer(), body, "order-44-key");
        var instanceId = first.WorkflowId.ToString("D");
        host.Orchestrations.SetStatus(instanceId, status);

        var retry = await host.Get<WorkflowService>().CreateAsync(host.DemoBusiness, TestPlans.Json(body), "order-44-key", CancellationToken.None);

        Assert.Equal((ServiceOutcome.Accepted, first.WorkflowId), (retry.Outcome, retry.Value!.WorkflowId));
        Assert.Equal([instanceId, instanceId], host.Orchestrations.Scheduled.Select(s => s.InstanceId));
        var instance = Assert.Single(host.Orchestrations.Instances);
        Assert.Equal((instanceId, status, 1), (instance.InstanceId, instance.Status, instance.Generation));
    }

    [Fact]
    public async Task CreateValidated_ConcurrentRequestsWithOneKey_OneWorkflowStartedOnce()
    {
        await using var host = await TestHost.StartAsync(azurite);

        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(
            _ => TestPlans.CreateAsync(host, TestPlans.NewCustomer(), "{\"title\":\"race\"}", "order-45-key")));

        var workflowId = Assert.Single(created.Select(c => c.WorkflowId).Distinct());
        Assert.Equal(8, host.Orchestrations.Scheduled.Count); // the winner's start and seven replays, refused without an exception
        var instance = Assert.Single(host.Orchestrations.Instances);
        Assert.Equal((workflowId.ToString("D"), OrchestrationRuntimeStatus.Pending, 1), (instance.InstanceId, instance.Status, instance.Generation));
    }

    [Fact]
    public async Task CreateAsync_SameKeyOtherBody_IsConflict()
    {
        await using var host = await TestHost.StartAsync(azurite);
        await TestPlans.CreateAsync(host, TestPlans.NewCustomer(), "{\"title\":\"one\"}", "order-43-key");

        var result = await host.Get<WorkflowService>().CreateAsync(host.DemoBusiness, TestPlans.Json("{\"title\":\"two\"}"), "order-43-key", CancellationToken.None);

        Assert.Equal(ServiceOutcome.Conflict, result.Outcome);
        Assert.Equal(ServiceErrorCodes.IdempotencyKeyReused, Assert.Single(result.Errors).ErrorCode);
    }

    [Fact]
    public async Task CheckReferences_UnknownOrForeignIds_AreReportedTogether()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var plan = new WorkflowPlan("t", TimeSpan.FromDays(1), false, null,
        [
            TestPlans.Notification("x"), new LookupProfileStep(Guid.NewGuid()), new LookupFinancialAccountStep(DemoData.BusinessFinancialAccountId),
            TestPlans.Rebate() with { BaFinancialAccountId = DemoData.CustomerFinancialAccountId },
        ]);

        var errors = await host.Get<WorkflowService>().CheckReferencesAsync(DemoData.BusinessId, plan, CancellationToken.None);
        var seedErrors = await host.Get<WorkflowService>().CheckReferencesAsync(DemoData.BusinessId, TestPlans.RebateToExistingCard(), CancellationToken.None);

        Assert.Equal(
            ["$.parameters.customerId", "$.parameters.customerFinancialAccountId", "$.parameters.baFinancialAccountId"],
            errors.Select(e => e.Path));
        Assert.Empty(seedErrors);
    }

    [Fact]
    public async Task TenantIsolation_OtherBusiness_SeesNotFound()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        var other = new Business(Guid.NewGuid(), "Other", DateTimeOffset.UnixEpoch);
        var service = host.Get<WorkflowService>();

        Assert.Equal(ServiceOutcome.NotFound, (await service.GetAsync(other, created.WorkflowId, CancellationToken.None)).Outcome);
        Assert.Equal(ServiceOutcome.NotFound, (await service.CancelAsync(other, created.WorkflowId, CancellationToken.None)).Outcome);
        Assert.Equal(ServiceOutcome.NotFound, (await service.GetNotificationsAsync(other, created.WorkflowId, CancellationToken.None)).Outcome);
        Assert.Equal(ServiceOutcome.NotFound, (await host.Get<BusinessReadService>().GetCustomerAsync(other, DemoData.CustomerId, CancellationToken.None)).Outcome);
        Assert.Empty((await host.Get<WorkflowSearchService>().SearchAsync(
            other, new WorkflowSearchRequest(created.WorkflowId.ToString(), null, null, false, 1, 10), CancellationToken.None)).Value!.Content);
        Assert.Empty(host.Orchestrations.Raised);
    }

    [Fact]
    public async Task Commands_OnActiveWorkflow_RaiseEventsAndOnEndedOneAreConflict()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        var service = host.Get<WorkflowService>();

        var resend = await service.ResendAsync(host.DemoBusiness, created.WorkflowId, CancellationToken.None);
        var extend = await service.ExtendAsync(host.DemoBusiness, created.WorkflowId, null, 24, CancellationToken.None);
        var badExtend = await service.ExtendAsync(host.DemoBusiness, created.WorkflowId, created.ExpireAt.AddHours(-1), null, CancellationToken.None);
        var cancel = await service.CancelAsync(host.DemoBusiness, created.WorkflowId, CancellationToken.None);
        await WorkflowStates.SetAsync(host, created.WorkflowId, WorkflowStatus.Cancelled, 1);
        var late = await service.CancelAsync(host.DemoBusiness, created.WorkflowId, CancellationToken.None);

        Assert.Equal([ServiceOutcome.Accepted, ServiceOutcome.Accepted, ServiceOutcome.Invalid, ServiceOutcome.Accepted, ServiceOutcome.Conflict],
            new[] { resend.Outcome, extend.Outcome, badExtend.Outcome, cancel.Outcome, late.Outcome });
        Assert.Equal(created.ExpireAt.AddHours(24), extend.Value!.ExpireAt);
        var events = host.Orchestrations.Raised.Select(r => (WorkflowEvent)r.Payload!).ToList();
        Assert.Equal([WorkflowEventKind.Resend, WorkflowEventKind.Extend, WorkflowEventKind.Cancel], events.Select(e => e.Kind));
        Assert.Equal(created.ExpireAt.AddHours(24).UtcDateTime, events[1].NewExpireAt);
        Assert.All(host.Orchestrations.Raised, r => Assert.Equal((created.WorkflowId.ToString("D"), WorkflowEvent.EventName), (r.InstanceId, r.EventName)));
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Completed, StatusCode.FailedPrecondition)]
    [InlineData(OrchestrationRuntimeStatus.Failed, StatusCode.FailedPrecondition)]
    [InlineData(OrchestrationRuntimeStatus.Terminated, StatusCode.FailedPrecondition)]
    [InlineData(null, StatusCode.NotFound)]
    public async Task Commands_EventRefusedByTheBackend_AreConflictNotExceptions(OrchestrationRuntimeStatus? ended, StatusCode refusal)
    {
        // Arrange: the row still says ACTIVE, but the orchestration has ended (or is gone).
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        await WorkflowStates.SetAsync(host, created.WorkflowId, WorkflowStatus.Active, 1);
        var instanceId = created.WorkflowId.ToString("D");
        if (ended is { } status)
        {
            host.Orchestrations.SetStatus(instanceId, status);
        }
        else
        {
            host.Orchestrations.Forget(instanceId);
        }

        var service = host.Get<WorkflowService>();

        // Act
        var results = new[]
        {
            await service.CancelAsync(host.DemoBusiness, created.WorkflowId, CancellationToken.None),
            await service.ResendAsync(host.DemoBusiness, created.WorkflowId, CancellationToken.None),
            await service.ExtendAsync(host.DemoBusiness, created.WorkflowId, null, 24, CancellationToken.None),
        };

        // Assert
        Assert.All(results, r => Assert.Equal((ServiceOutcome.Conflict, ServiceErrorCodes.WorkflowNotActive), (r.Outcome, Assert.Single(r.Errors).ErrorCode)));
        Assert.Equal([(instanceId, refusal), (instanceId, refusal), (instanceId, refusal)], host.Orchestrations.Refused);
        Assert.Empty(host.Orchestrations.Raised);
    }

    [Fact]
    public async Task GetNotificationsAsync_AfterSms_ListsHistory()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        await host.Get<SendNotificationActivity>().RunAsync(
            new SendNotificationInput(DemoData.BusinessId, created.WorkflowId, 0, NotificationOrigin.Initial), CancellationToken.None);

        var result = await host.Get<WorkflowService>().GetNotificationsAsync(host.DemoBusiness, created.WorkflowId, CancellationToken.None);

        var row = Assert.Single(result.Value!);
        Assert.Equal(
            (0, "SMS", NotificationOrigin.Initial, new NotifiedBy(null, NotifiedBy.Internal), "+1647*****67", NotificationView.Sent),
            (row.Serial, row.Channel, row.Origin, row.NotifiedBy, row.PhoneNumber, row.Status));
    }

    [Fact]
    public async Task LinkToken_IsIndexedByHashOnly()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        var token = TestPlans.TokenOf(created);

        var entry = await host.Get<ILinkTokenStore>().FindAsync(LinXCrypto.LinkTokenHash(token)!, CancellationToken.None);

        Assert.Equal(created.WorkflowId, entry!.WorkflowId);
        Assert.Equal(43, token.Length);
    }
}
