using System.Security.Cryptography;
using LinX.Core.Accounts;
using LinX.Core.Activities;
using LinX.Core.Customers;
using LinX.Core.Notifications;
using LinX.Core.Payments;
using LinX.Core.Workflows;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Payments;
using LinX.Infrastructure.Tests.Storage;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace LinX.Infrastructure.Tests.Activities;

[Collection(AzuriteGroup.Name)]
public sealed class ActivityIdempotencyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SendNotification_RunTwice_SendsOneSmsAndRecordsOneRow()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        var activity = host.Get<SendNotificationActivity>();
        var input = new SendNotificationInput(DemoData.BusinessId, created.WorkflowId, 0, NotificationOrigin.Initial);

        var first = await activity.RunAsync(input, CancellationToken.None);
        var second = await activity.RunAsync(input, CancellationToken.None);

        Assert.Equal(first, second);
        var sms = Assert.Single(host.Sms.Messages);
        Assert.Equal(TestPlans.Phone, sms.To);
        Assert.Contains(created.Link, sms.Body, StringComparison.Ordinal);
        Assert.StartsWith(DemoData.BusinessName + ": Create a new customer account", sms.Body, StringComparison.Ordinal);
        Assert.Contains("Expires Mar 3, 7:00 AM Toronto time. Reply STOP to opt out.", sms.Body, StringComparison.Ordinal); // the demo business is in Toronto
        Assert.True(SmsText.Segments(sms.Body) <= 2);
        var row = Assert.Single(await host.Get<INotificationStore>().ListAsync(created.WorkflowId, CancellationToken.None));
        Assert.Equal((0, NotificationOrigin.Initial, "+1647*****67", sms.MessageId), (row.Serial, row.Origin, row.MaskedPhoneNumber, row.ProviderMessageId));
    }

    [Fact]
    public async Task SendNotification_SecondCopyWhileFirstSends_WaitsWithoutSending_ThenReturnsFirstResult()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        var input = new SendNotificationInput(DemoData.BusinessId, created.WorkflowId, 0, NotificationOrigin.Initial);
        var gated = new GatedSmsSender(host.Sms);
        var onOtherHost = ActivatorUtilities.CreateInstance<SendNotificationActivity>(host.Services, (ISmsSender)gated);
        var observed = new HeldClaimObserver(host.Get<INotificationStore>());
        var activity = ActivatorUtilities.CreateInstance<SendNotificationActivity>(host.Services, (INotificationStore)observed);

        var first = onOtherHost.RunAsync(input, CancellationToken.None);
        await gated.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = activity.RunAsync(input, CancellationToken.None);
        await observed.HeldSeen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var sentWhileHeld = host.Sms.Messages.Count;
        gated.Open.SetResult();
        var firstOutput = await first;
        var secondOutput = await AdvanceClockUntilDoneAsync(host, second);

        Assert.Equal(0, sentWhileHeld);
        Assert.Equal(firstOutput, secondOutput);
        Assert.Single(host.Sms.Messages);
        Assert.Single(await host.Get<INotificationStore>().ListAsync(created.WorkflowId, CancellationToken.None));
    }

    [Fact]
    public async Task SendNotification_ProviderRefuses_ClaimReleasedAndRetrySends()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        var input = new SendNotificationInput(DemoData.BusinessId, created.WorkflowId, 0, NotificationOrigin.Initial);
        var refusing = new Mock<ISmsSender>(MockBehavior.Strict);
        refusing.Setup(s => s.SendAsync(TestPlans.Phone, It.IsAny<string>(), It.IsAny<SmsIdempotency>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SmsSendResult(false, null, "Carrier unavailable"));

        await Assert.ThrowsAsync<SmsDeliveryException>(
            () => ActivatorUtilities.CreateInstance<SendNotificationActivity>(host.Services, refusing.Object).RunAsync(input, CancellationToken.None));
        var output = await host.Get<SendNotificationActivity>().RunAsync(input, CancellationToken.None);

        Assert.Equal(Assert.Single(host.Sms.Messages).MessageId, output.ProviderMessageId);
    }

    [Fact]
    public async Task SendNotification_ClaimOfADeadHost_TakenOverOnceItsLeaseRunsOut()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        var input = new SendNotificationInput(DemoData.BusinessId, created.WorkflowId, 0, NotificationOrigin.Initial);
        var claimedAt = host.Time.GetUtcNow();
        await host.Get<INotificationStore>().ClaimAsync(created.WorkflowId, DemoData.BusinessId, 0, claimedAt, claimedAt + TimeSpan.FromSeconds(60), CancellationToken.None);

        var output = await AdvanceClockUntilDoneAsync(host, host.Get<SendNotificationActivity>().RunAsync(input, CancellationToken.None));

        Assert.Equal(Assert.Single(host.Sms.Messages).MessageId, output.ProviderMessageId);
        Assert.True(host.Sms.Messages[0].SentAt >= claimedAt + TimeSpan.FromSeconds(60), "sent before the dead host's lease ran out");
    }

    [Fact]
    public async Task SendNotification_Expiry_SaysExpiredWithoutLink()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());

        await host.Get<SendNotificationActivity>().RunAsync(
            new SendNotificationInput(DemoData.BusinessId, created.WorkflowId, 3, NotificationOrigin.Expiry), CancellationToken.None);

        var sms = Assert.Single(host.Sms.Messages);
        Assert.Contains("has expired", sms.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("/linx/", sms.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCustomerAccount_RunTwice_OneCustomerSameId()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var activity = host.Get<CreateCustomerAccountActivity>();
        var workflowId = Guid.NewGuid();
        var input = new CreateCustomerAccountInput(DemoData.BusinessId, workflowId, TestPlans.SealedProfile(host, workflowId), "+1647*****67");

        var first = await activity.RunAsync(input, CancellationToken.None);
        var rowsAfterFirst = await TableStoresTests.CountAsync(host.Tables.Customers);
        var second = await activity.RunAsync(input, CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, await TableStoresTests.CustomerCountAsync(host.Tables.Customers)); // the demo customer and this one
        Assert.Equal(rowsAfterFirst, await TableStoresTests.CountAsync(host.Tables.Customers)); // and no second set of index rows
        Assert.Null(first.Data);
        var data = TestPlans.Open(host, workflowId, first.SealedData);
        Assert.Equal(("Roe", "j******e@example.com"), (data["lastName"], data["email"])); // the name they typed, in full
        Assert.Equal("Jane", (await host.Get<ICustomerStore>().GetAsync(DemoData.BusinessId, first.Id, CancellationToken.None))!.FirstName);
    }

    [Fact]
    public async Task CreateCustomerAccount_PlainProfileOfAnOlderHistory_CreatesTheCustomer()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var input = new CreateCustomerAccountInput(DemoData.BusinessId, Guid.NewGuid(), null, "+1647*****67", Profile: TestPlans.Profile);

        var created = await host.Get<CreateCustomerAccountActivity>().RunAsync(input, CancellationToken.None);

        Assert.Equal("Roe", (await host.Get<ICustomerStore>().GetAsync(DemoData.BusinessId, created.Id, CancellationToken.None))!.LastName);
        Assert.Equal("Roe", TestPlans.Open(host, input.WorkflowId, created.SealedData)["lastName"]);
    }

    [Fact]
    public async Task CreateFinancialAccount_RunTwice_OneAccountWithoutNumber()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var activity = host.Get<CreateFinancialAccountActivity>();
        var workflowId = Guid.NewGuid();
        var input = new CreateFinancialAccountInput(
            DemoData.BusinessId, workflowId, DemoData.CustomerId, FinancialAccountSubType.Checking, null,
            TestPlans.Sealed(host, workflowId, new TokenizedBankAccount("011000015", "6789", new string('f', 64), "tok_x", "Jane Roe")));

        var first = await activity.RunAsync(input, CancellationToken.None);
        var second = await activity.RunAsync(input, CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(3, await TableStoresTests.CountAsync(host.Tables.FinancialAccounts));
        var stored = (await host.Get<IFinancialAccountStore>().GetAsync(DemoData.BusinessId, first.Id, CancellationToken.None))!;
        Assert.Equal(("6789", "011000015", DemoData.CustomerId), (stored.Last4, stored.RoutingNumber, stored.CustomerId!.Value));
    }

    [Fact]
    public async Task Lookups_OtherCustomersAccountOrUnknownCustomer_AreNotFound()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var workflowId = Guid.NewGuid();

        var profile = await host.Get<LookupProfileActivity>().RunAsync(new LookupInput(DemoData.BusinessId, DemoData.CustomerId, WorkflowId: workflowId), CancellationToken.None);
        var otherTenant = await host.Get<LookupProfileActivity>().RunAsync(new LookupInput(Guid.NewGuid(), DemoData.CustomerId, WorkflowId: workflowId), CancellationToken.None);
        var account = await host.Get<LookupFinancialAccountActivity>().RunAsync(
            new LookupInput(DemoData.BusinessId, DemoData.CustomerFinancialAccountId, DemoData.CustomerId, workflowId), CancellationToken.None);
        var businessAccount = await host.Get<LookupFinancialAccountActivity>().RunAsync(
            new LookupInput(DemoData.BusinessId, DemoData.BusinessFinancialAccountId, DemoData.CustomerId, workflowId), CancellationToken.None);

        Assert.True(profile.Found);
        Assert.Equal(DemoData.CustomerId.ToString("D"), TestPlans.Open(host, workflowId, profile.SealedData)["customerId"]);
        Assert.Equal((false, null), (otherTenant.Found, otherTenant.SealedData));
        Assert.True(account.Found);
        Assert.Equal("4242", TestPlans.Open(host, workflowId, account.SealedData)["last4"]);
        Assert.False(businessAccount.Found);
    }

    [Fact]
    public async Task LookupProfile_InputOfAnOlderHistory_AnswersPlainData()
    {
        await using var host = await TestHost.StartAsync(azurite);

        var profile = await host.Get<LookupProfileActivity>().RunAsync(new LookupInput(DemoData.BusinessId, DemoData.CustomerId), CancellationToken.None);

        Assert.Equal((true, null, DemoData.CustomerId.ToString("D")), (profile.Found, profile.SealedData, profile.Data!["customerId"]));
    }

    [Fact]
    public async Task MoveMoney_RunTwice_OneTransactionSettled()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var input = new MoveMoneyInput(DemoData.BusinessId, Guid.NewGuid(), DemoData.CustomerFinancialAccountId, TestPlans.Rebate());

        var first = await host.Get<MoveMoneyActivity>().RunAsync(input, CancellationToken.None);
        var second = await host.Get<MoveMoneyActivity>().RunAsync(input, CancellationToken.None);

        Assert.Equal(first.TransactionId, second.TransactionId);
        Assert.Equal(TransactionStatus.Settled, second.Status);
        Assert.Equal(2, await TableStoresTests.CountAsync(host.Tables.Transactions)); // transaction + idempotency index
        var stored = (await host.Get<ITransactionStore>().GetAsync(DemoData.BusinessId, first.TransactionId, CancellationToken.None))!;
        Assert.Equal((256.25m, MoveMoneyActivity.IdempotencyKey(input.WorkflowId)), (stored.Amount, stored.IdempotencyKey));
    }

    [Fact]
    public async Task MoveMoney_SandboxDeclinedAmount_IsDeclinedWithReason()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var input = new MoveMoneyInput(DemoData.BusinessId, Guid.NewGuid(), DemoData.CustomerFinancialAccountId, TestPlans.Rebate(amount: 10.13m));

        var result = await host.Get<MoveMoneyActivity>().RunAsync(input, CancellationToken.None);

        Assert.Equal(TransactionStatus.Declined, result.Status);
        Assert.Equal(SandboxPaymentProcessor.DeclineReasonText, result.Reason);
    }

    [Fact]
    public async Task MoveMoneyThenSettle_Ach_PendingUntilSettledOnce()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var input = new MoveMoneyInput(DemoData.BusinessId, Guid.NewGuid(), DemoData.BusinessFinancialAccountId, TestPlans.Rebate(PaymentSolution.Ach));
        // The ach needs a customer bank account: use a new one.
        input = await WithNewBankAccountAsync(host, input);

        var pending = await host.Get<MoveMoneyActivity>().RunAsync(input, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromHours(4));
        var settle = new SettleTransactionInput(DemoData.BusinessId, pending.TransactionId);
        var settled = await host.Get<SettleTransactionActivity>().RunAsync(settle, CancellationToken.None);
        var again = await host.Get<SettleTransactionActivity>().RunAsync(settle, CancellationToken.None);

        Assert.Equal(TransactionStatus.Pending, pending.Status);
        Assert.Equal(new DateTime(2026, 3, 1, 16, 0, 0, DateTimeKind.Utc), pending.SettleAt);
        Assert.Equal(TransactionStatus.Settled, settled.Status);
        Assert.Equal((settled.TransactionId, settled.Status, settled.SettleAt), (again.TransactionId, again.Status, again.SettleAt));
        Assert.Equal("SETTLED", TestPlans.Open(host, input.WorkflowId, again.SealedData)["status"]);
    }

    [Fact]
    public async Task MoveMoneyThenSettle_ScheduledAch_StoresItsStartAndSettlesADayAfterIt()
    {
        // Arrange: the host's clock is 2026-03-01T12:00Z; the payment is scheduled for 10 March, 09:00 in New York.
        await using var host = await TestHost.StartAsync(azurite);
        var start = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(-5));
        var step = TestPlans.Rebate(PaymentSolution.Ach) with { Priority = PaymentPriority.Scheduled, StartDateTime = start };
        var input = new MoveMoneyInput(DemoData.BusinessId, Guid.NewGuid(), DemoData.BusinessFinancialAccountId, step);
        input = await WithNewBankAccountAsync(host, input);

        // Act
        var pending = await host.Get<MoveMoneyActivity>().RunAsync(input, CancellationToken.None);
        var stored = (await host.Get<ITransactionStore>().GetAsync(DemoData.BusinessId, pending.TransactionId, CancellationToken.None))!;
        host.Time.Advance(start.AddDays(1) - host.Time.GetUtcNow());
        var settled = await host.Get<SettleTransactionActivity>().RunAsync(new SettleTransactionInput(DemoData.BusinessId, pending.TransactionId), CancellationToken.None);

        // Assert: PENDING until a day after the start, the start kept with its offset, then SETTLED.
        Assert.Equal((TransactionStatus.Pending, (DateTime?)start.AddDays(1).UtcDateTime), (pending.Status, pending.SettleAt));
        Assert.Equal((PaymentPriority.Scheduled, (DateTimeOffset?)start, TimeSpan.FromHours(-5)), (stored.Priority, stored.StartDateTime, stored.StartDateTime!.Value.Offset));
        var data = TestPlans.Open(host, input.WorkflowId, pending.SealedData);
        Assert.Equal(("SCHEDULED", "2026-03-10T09:00:00-05:00"), (data["priority"], data["startDateTime"]));
        Assert.Equal(TransactionStatus.Settled, settled.Status);
    }

    [Fact]
    public async Task UpdateWorkflowStatus_RunTwice_AppliesOnce()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        var update = new WorkflowStatusUpdate(
            DemoData.BusinessId, created.WorkflowId, 1, WorkflowStatus.Active, 1,
            [new StepState(StepNames.Notification, StepStatus.Completed), new StepState(StepNames.CustomerAccount, StepStatus.Active)],
            created.ExpireAt, created.ExpireAt.AddDays(-1), null, null, null, null, null, null, null);

        Assert.True(await host.Get<UpdateWorkflowStatusActivity>().RunAsync(update, CancellationToken.None));
        Assert.False(await host.Get<UpdateWorkflowStatusActivity>().RunAsync(update, CancellationToken.None));
        Assert.Equal(WorkflowStatus.Active, (await host.Get<IWorkflowStore>().GetAsync(DemoData.BusinessId, created.WorkflowId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task UpdateWorkflowStatus_SealedStepData_IsOpenedIntoTheRowAndOnlyForItsWorkflow()
    {
        // Arrange: the snapshot after a lookup, its data sealed by the activity as it travels in history.
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCard());
        var found = await host.Get<LookupProfileActivity>().RunAsync(
            new LookupInput(DemoData.BusinessId, DemoData.CustomerId, WorkflowId: created.WorkflowId), CancellationToken.None);
        var update = new WorkflowStatusUpdate(
            DemoData.BusinessId, created.WorkflowId, 1, WorkflowStatus.Active, 1,
            [new(StepNames.Notification, StepStatus.Completed), new(StepNames.LookupProfile, StepStatus.Active), new(StepNames.FinancialAccount, StepStatus.Created)],
            created.ExpireAt, null, null, null, null, null, null, null, null, [null, found.SealedData, null]);
        var elsewhere = await host.Get<LookupProfileActivity>().RunAsync(
            new LookupInput(DemoData.BusinessId, DemoData.CustomerId, WorkflowId: Guid.NewGuid()), CancellationToken.None);

        // Act
        await host.Get<UpdateWorkflowStatusActivity>().RunAsync(update, CancellationToken.None);
        var misplaced = update with { Version = 2, SealedData = [null, elsewhere.SealedData, null] };

        // Assert: the row shows the opened data; another workflow's sealed data does not open here and writes nothing.
        var row = (await host.Get<IWorkflowStore>().GetAsync(DemoData.BusinessId, created.WorkflowId, CancellationToken.None))!;
        Assert.Equal((1L, DemoData.CustomerId.ToString("D")), (row.Version, row.Steps[1].Data!["customerId"]));
        Assert.Equal([null, null], [row.Steps[0].Data, row.Steps[2].Data]);
        await Assert.ThrowsAnyAsync<CryptographicException>(() => host.Get<UpdateWorkflowStatusActivity>().RunAsync(misplaced, CancellationToken.None));
        Assert.Equal(1L, (await host.Get<IWorkflowStore>().GetAsync(DemoData.BusinessId, created.WorkflowId, CancellationToken.None))!.Version);
    }

    /// <summary>Moves the fake clock 5 s at a time until a copy waiting on a held claim has finished.</summary>
    private static async Task<T> AdvanceClockUntilDoneAsync<T>(TestHost host, Task<T> run)
    {
        await Poll.UntilAsync(
            () =>
            {
                host.Time.Advance(TimeSpan.FromSeconds(5));
                return Task.FromResult(run.IsCompleted);
            },
            TimeSpan.FromSeconds(30),
            "the waiting copy to finish");
        return await run;
    }

    /// <summary>The store, telling the test when a claim was found held by another copy.</summary>
    private sealed class HeldClaimObserver(INotificationStore inner) : INotificationStore
    {
        public TaskCompletionSource HeldSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<NotificationClaim> ClaimAsync(Guid workflowId, Guid businessId, int serial, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
        {
            var claim = await inner.ClaimAsync(workflowId, businessId, serial, now, leaseUntil, cancellationToken);
            if (claim is { Acquired: false, Sent: null })
            {
                HeldSeen.TrySetResult();
            }

            return claim;
        }

        public Task<NotificationRecord?> GetAsync(Guid workflowId, int serial, CancellationToken cancellationToken) => inner.GetAsync(workflowId, serial, cancellationToken);

        public Task<NotificationClaim> RestartAttemptAsync(NotificationClaim claim, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.RestartAttemptAsync(claim, now, cancellationToken);

        public Task<NotificationRecord> CompleteAsync(NotificationClaim claim, NotificationRecord record, CancellationToken cancellationToken) => inner.CompleteAsync(claim, record, cancellationToken);

        public Task ReleaseAsync(NotificationClaim claim, CancellationToken cancellationToken) => inner.ReleaseAsync(claim, cancellationToken);

        public Task<IReadOnlyList<NotificationRecord>> ListAsync(Guid workflowId, CancellationToken cancellationToken) => inner.ListAsync(workflowId, cancellationToken);
    }

    /// <summary>Sends through the inbox once the test opens the gate: a send in progress on another host.</summary>
    private sealed class GatedSmsSender(ISmsSender inner) : ISmsSender
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<SmsSendResult> SendAsync(string toE164, string message, SmsIdempotency idempotency, CancellationToken cancellationToken)
        {
            Entered.SetResult();
            await Open.Task.WaitAsync(cancellationToken);
            return await inner.SendAsync(toE164, message, idempotency, cancellationToken);
        }
    }

    /// <summary>The input with a new customer bank account (an ach needs one), created through its activity.</summary>
    private static async Task<MoveMoneyInput> WithNewBankAccountAsync(TestHost host, MoveMoneyInput input)
    {
        var bank = await host.Get<CreateFinancialAccountActivity>().RunAsync(
            new CreateFinancialAccountInput(DemoData.BusinessId, input.WorkflowId, DemoData.CustomerId, FinancialAccountSubType.Checking, null,
                TestPlans.Sealed(host, input.WorkflowId, new TokenizedBankAccount("011000015", "1234", new string('c', 64), "tok_b", "John Doe"))),
            CancellationToken.None);
        return input with { CustomerFinancialAccountId = bank.Id };
    }
}
