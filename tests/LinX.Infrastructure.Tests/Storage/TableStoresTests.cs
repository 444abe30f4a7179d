using Azure.Data.Tables;
using LinX.Core.Notifications;
using LinX.Core.Payments;
using LinX.Core.Workflows;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Storage;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;

namespace LinX.Infrastructure.Tests.Storage;

[Collection(AzuriteGroup.Name)]
public sealed class TableStoresTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task WorkflowStore_CreateWithSameIdempotencyKey_ReturnsFirstAndWritesNothing()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var first = await TestPlans.CreateAsync(host, TestPlans.NewCustomer(), "{\"a\":1}", "key-123456");
        var store = host.Get<IWorkflowStore>();
        var stored = (await store.GetAsync(DemoData.BusinessId, first.WorkflowId, CancellationToken.None))!;

        var again = await store.CreateAsync(stored with { WorkflowId = Guid.NewGuid() }, CancellationToken.None);

        Assert.False(again.Created);
        Assert.Equal(first.WorkflowId, again.Workflow.WorkflowId);
        Assert.Equal(2, await CountAsync(host.Tables.Workflows)); // the workflow and its idempotency row
        Assert.Equal(TestPlans.NewCustomer().Steps.Count, stored.Plan.Steps.Count);
        Assert.Equal("+1647*****67", stored.Plan.Notification.PhoneNumber);
    }

    [Fact]
    public async Task WorkflowStore_ApplyOlderVersion_IsIgnored()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        var store = host.Get<IWorkflowStore>();
        var steps = new[] { new StepState(StepNames.Notification, StepStatus.Completed), new StepState(StepNames.CustomerAccount, StepStatus.Active) };
        var v2 = Update(created.WorkflowId, 2, WorkflowStatus.Active, steps);
        var v1 = Update(created.WorkflowId, 1, WorkflowStatus.Created, steps);

        Assert.True(await store.ApplyAsync(v2, CancellationToken.None));
        Assert.False(await store.ApplyAsync(v1, CancellationToken.None));
        Assert.False(await store.ApplyAsync(v2, CancellationToken.None));

        var stored = (await store.GetAsync(DemoData.BusinessId, created.WorkflowId, CancellationToken.None))!;
        Assert.Equal(WorkflowStatus.Active, stored.Status);
        Assert.Equal(2, stored.Version);
        Assert.Equal(steps, stored.Steps);
    }

    [Fact]
    public async Task TransactionStore_CreateSameKeyTwice_OneTransactionAndOneIndexRow()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var store = host.Get<ITransactionStore>();
        var transaction = Transaction(Guid.NewGuid(), "wf:move-money");

        var first = await store.CreateAsync(transaction, CancellationToken.None);
        var second = await store.CreateAsync(transaction with { TransactionId = Guid.NewGuid() }, CancellationToken.None);

        Assert.Equal(first.TransactionId, second.TransactionId);
        Assert.Equal(2, await CountAsync(host.Tables.Transactions));
        Assert.Equal(first.TransactionId, (await store.FindByIdempotencyKeyAsync(DemoData.BusinessId, "wf:move-money", CancellationToken.None))!.TransactionId);
    }

    [Fact]
    public async Task TransactionStore_UpdateStatus_NeverRegressesFromFinal()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var store = host.Get<ITransactionStore>();
        var t = await store.CreateAsync(Transaction(Guid.NewGuid(), "k:1"), CancellationToken.None);

        await store.UpdateStatusAsync(DemoData.BusinessId, t.TransactionId, TransactionStatus.Pending, "ref", null, null, null, null, CancellationToken.None);
        await store.UpdateStatusAsync(DemoData.BusinessId, t.TransactionId, TransactionStatus.Settled, "ref", null, null, host.Time.GetUtcNow(), null, CancellationToken.None);
        var after = await store.UpdateStatusAsync(DemoData.BusinessId, t.TransactionId, TransactionStatus.Pending, "ref", null, null, null, null, CancellationToken.None);

        Assert.Equal(TransactionStatus.Settled, after.Status);
        Assert.Equal(TransactionStatus.Settled, (await store.GetAsync(DemoData.BusinessId, t.TransactionId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task NotificationStore_Claim_HeldUntilLeaseEnds_ThenTakenOver_FirstRecordKept()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var claims = new ClaimScript(host);

        var first = await claims.ClaimAsync(at: 0, until: 60);
        var whileHeld = await claims.ClaimAsync(at: 59, until: 120);
        var unsent = (await claims.Store.GetAsync(claims.WorkflowId, 0, CancellationToken.None), await claims.Store.ListAsync(claims.WorkflowId, CancellationToken.None));
        var takeover = await claims.ClaimAsync(at: 61, until: 120);
        var record = new NotificationRecord(claims.WorkflowId, DemoData.BusinessId, 0, "SMS", NotificationOrigin.Initial, claims.Start, "m1", "+1647*****67", true, null);
        var storedByFirst = await claims.Store.CompleteAsync(first, record, CancellationToken.None);
        var storedByTakeover = await claims.Store.CompleteAsync(takeover, record with { ProviderMessageId = "m2" }, CancellationToken.None);
        var afterSent = await claims.ClaimAsync(at: 180, until: 240);

        Assert.True(first.Acquired);
        Assert.Equal((false, (NotificationRecord?)null, claims.Start.AddSeconds(60)), (whileHeld.Acquired, whileHeld.Sent, whileHeld.HeldUntil));
        Assert.Null(unsent.Item1);
        Assert.Empty(unsent.Item2);
        Assert.True(takeover.Acquired);
        Assert.Equal(record, storedByFirst);
        Assert.Equal(record, storedByTakeover);
        Assert.Equal((false, (NotificationRecord?)record), (afterSent.Acquired, afterSent.Sent));
        Assert.Equal([record], await claims.Store.ListAsync(claims.WorkflowId, CancellationToken.None));
    }

    [Fact]
    public async Task NotificationStore_Release_FreesOwnClaimOnly()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var claims = new ClaimScript(host);

        var first = await claims.ClaimAsync(at: 0, until: 60);
        await claims.Store.ReleaseAsync(first, CancellationToken.None);
        var second = await claims.ClaimAsync(at: 0, until: 60);
        await claims.Store.ReleaseAsync(first, CancellationToken.None);
        var third = await claims.ClaimAsync(at: 0, until: 60);

        Assert.True(second.Acquired);
        Assert.False(third.Acquired);
        Assert.Equal(claims.Start.AddSeconds(60), third.HeldUntil);
    }

    [Fact]
    public async Task NotificationStore_ReleaseAndTakeover_KeepTheClaimsGenerationAndFirstAttempt()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var claims = new ClaimScript(host);

        var first = await claims.ClaimAsync(at: 0, until: 60);
        await claims.Store.ReleaseAsync(first, CancellationToken.None);
        var unsent = (await claims.Store.GetAsync(claims.WorkflowId, 0, CancellationToken.None), await claims.Store.ListAsync(claims.WorkflowId, CancellationToken.None));
        var afterRelease = await claims.ClaimAsync(at: 10, until: 70);
        var restarted = await claims.Store.RestartAttemptAsync(afterRelease, claims.Start.AddSeconds(20.7), CancellationToken.None);
        var staleRestart = await claims.Store.RestartAttemptAsync(afterRelease, claims.Start.AddSeconds(30), CancellationToken.None);
        var afterLapse = await claims.ClaimAsync(at: 90, until: 150);

        Assert.Equal((true, 0, claims.Start), (first.Acquired, first.Generation, first.FirstAttemptAt));
        Assert.Null(unsent.Item1);
        Assert.Empty(unsent.Item2);
        Assert.Equal((true, 0, claims.Start), (afterRelease.Acquired, afterRelease.Generation, afterRelease.FirstAttemptAt));
        Assert.Equal((true, 1, claims.Start.AddSeconds(20)), (restarted.Acquired, restarted.Generation, restarted.FirstAttemptAt));
        Assert.False(staleRestart.Acquired);
        Assert.Equal((true, 1, claims.Start.AddSeconds(20)), (afterLapse.Acquired, afterLapse.Generation, afterLapse.FirstAttemptAt));
        Assert.Equal(restarted.Idempotency, afterLapse.Idempotency);
        Assert.NotEqual(first.Idempotency.RequestId, restarted.Idempotency.RequestId);
    }

    [Fact]
    public async Task DemoData_SeedTwice_IsIdempotentAndAuthenticates()
    {
        await using var host = await TestHost.StartAsync(azurite);

        await DemoData.SeedAsync(host.Services, TestHost.DemoApiKey, CancellationToken.None);
        var business = await host.Get<LinX.Core.Businesses.ApiKeyAuthenticator>().AuthenticateAsync(TestHost.DemoApiKey, CancellationToken.None);
        var unknown = await host.Get<LinX.Core.Businesses.ApiKeyAuthenticator>().AuthenticateAsync("linx_wrong", CancellationToken.None);

        Assert.Equal(DemoData.BusinessName, business!.Name);
        Assert.Null(unknown);
        Assert.Equal(2, await CountAsync(host.Tables.FinancialAccounts));
        Assert.Equal(1, await CustomerCountAsync(host.Tables.Customers));
    }

    /// <summary>The customers of a customers table, without their index rows (row keys starting with <c>~</c>).</summary>
    internal static async Task<int> CustomerCountAsync(TableClient table)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>("RowKey lt '~'", select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    internal static async Task<int> CountAsync(TableClient table)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>())
        {
            count++;
        }

        return count;
    }

    private static WorkflowStatusUpdate Update(Guid workflowId, long version, WorkflowStatus status, StepState[] steps) =>
        new(DemoData.BusinessId, workflowId, version, status, 1, steps, DateTimeOffset.UnixEpoch.AddYears(60), null, null, null, null, null, null, null, null);

    private static Transaction Transaction(Guid id, string key) => new(
        id, DemoData.BusinessId, Guid.NewGuid(), key, TransactionType.Send, PaymentSolution.PushToCard, PaymentPriority.Immediate, 10.5m, "USD",
        DemoData.CustomerFinancialAccountId, DemoData.BusinessFinancialAccountId, "payment-of-rebates", null, null, TransactionStatus.New,
        null, null, DateTimeOffset.UnixEpoch, null, null);

    /// <summary>Claims of SMS 0 of one new workflow, at and until given seconds after the fake clock's start.</summary>
    private sealed class ClaimScript(TestHost host)
    {
        public INotificationStore Store { get; } = host.Get<INotificationStore>();

        public Guid WorkflowId { get; } = Guid.NewGuid();

        public DateTimeOffset Start { get; } = host.Time.GetUtcNow();

        public Task<NotificationClaim> ClaimAsync(int at, int until) =>
            Store.ClaimAsync(WorkflowId, DemoData.BusinessId, 0, Start.AddSeconds(at), Start.AddSeconds(until), CancellationToken.None);
    }
}
