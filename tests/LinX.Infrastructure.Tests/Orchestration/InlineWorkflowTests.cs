using LinX.Core;
using LinX.Core.Accounts;
using LinX.Core.Customers;
using LinX.Core.Gateway;
using LinX.Core.Management;
using LinX.Core.Orchestration;
using LinX.Core.Payments;
using LinX.Core.Workflows;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;

namespace LinX.Infrastructure.Tests.Orchestration;

/// <summary>The orchestrator with the real activities, services and tables, the customer acting through the Gateway service.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class InlineWorkflowTests(AzuriteFixture azurite)
{
    public static readonly TheoryData<int> Seeds = [0, 1, 2, 3];

    /// <summary>The customer's profile: distinctive values, which the personal-data scan looks for.</summary>
    internal const string Profile = $$"""
        { "firstName": "{{DistinctivePersonalData.FirstName}}", "lastName": "{{DistinctivePersonalData.LastName}}",
          "email": "{{DistinctivePersonalData.Email}}", "dateOfBirth": "{{DistinctivePersonalData.DateOfBirth}}",
          "address": { "streetLine1": "{{DistinctivePersonalData.StreetLine}}", "city": "{{DistinctivePersonalData.City}}", "stateCode": "ON",
            "postalCode": "M5X 1A9", "countryCode": "CA" } }
        """;

    internal const string CardNumber = "4242424242424242";
    internal const string AccountNumber = "000123456789";

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task SeedPlan_CustomerCompletesEveryStep_IsCompletedWithStoredRows(int seed)
    {
        await using var host = await TestHost.StartAsync(azurite);
        var plan = seed switch
        {
            0 => TestPlans.NewCustomer(),
            1 => TestPlans.NewCard(),
            2 => TestPlans.RebateToNewAccount(FinancialAccountSubType.Debit, PaymentSolution.PushToCard),
            _ => TestPlans.RebateToExistingCard(),
        };

        var (created, run) = await RunToEndAsync(host, plan);

        var result = await run.Run.WaitAsync(InlineOrchestration.Deadline);
        Assert.Equal(WorkflowStatus.Completed, result.Status);
        var details = (await host.Get<WorkflowService>().GetAsync(host.DemoBusiness, created.WorkflowId, CancellationToken.None)).Value!;
        Assert.Equal(WorkflowStatus.Completed, details.Status);
        Assert.All(details.Steps, s => Assert.Equal(StepStatus.Completed, s.Status));
        Assert.Equal((result.CustomerId, result.FinancialAccountId, result.TransactionId), (details.CustomerId, details.FinancialAccountId, details.TransactionId));
        Assert.NotNull(details.CompletedAt);
        Assert.NotNull(await host.Get<ICustomerStore>().GetAsync(DemoData.BusinessId, result.CustomerId!.Value, CancellationToken.None));
        if (plan.Steps.Any(s => s is FinancialAccountStep or LookupFinancialAccountStep))
        {
            var account = await host.Get<IFinancialAccountStore>().GetAsync(DemoData.BusinessId, result.FinancialAccountId!.Value, CancellationToken.None);
            Assert.Equal(("4242", result.CustomerId), (account!.Last4, account.CustomerId));
        }

        if (plan.MoveMoney is not null)
        {
            var transaction = await host.Get<ITransactionStore>().GetAsync(DemoData.BusinessId, result.TransactionId!.Value, CancellationToken.None);
            Assert.Equal((TransactionStatus.Settled, 256.25m, result.FinancialAccountId!.Value), (transaction!.Status, transaction.Amount, transaction.CustomerFinancialAccountId));
        }

        Assert.Single(host.Sms.Messages);
    }

    [Fact]
    public async Task CustomerNeverActs_ReminderThenExpirySms_ThenSubmissionsAreRejected()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        var run = Start(host);
        await WaitForStepAsync(host, created.WorkflowId, 1);

        await Poll.UntilAsync(() => Task.FromResult(run.HasPendingTimer), TimeSpan.FromSeconds(10), "the first timer");
        var reminderAt = run.FireNextTimer();
        await Poll.UntilAsync(() => Task.FromResult(host.Sms.Messages.Count == 2 && run.HasPendingTimer), TimeSpan.FromSeconds(10), "the reminder");
        var expiryAt = run.FireNextTimer();
        var result = await run.Run.WaitAsync(InlineOrchestration.Deadline);
        var late = await host.Get<GatewayService>().SubmitStepAsync(
            TestPlans.TokenOf(created), StepNames.CustomerAccount, TestPlans.Json(Profile), null, RequestOrigin.Unknown, CancellationToken.None);

        Assert.Equal(WorkflowStatus.Expired, result.Status);
        Assert.Equal((created.ExpireAt.AddDays(-1).UtcDateTime, created.ExpireAt.UtcDateTime), (reminderAt, expiryAt));
        Assert.Equal(3, host.Sms.Messages.Count);
        Assert.StartsWith("Reminder from", host.Sms.Messages[1].Body, StringComparison.Ordinal);
        Assert.Contains("has expired", host.Sms.Messages[0].Body, StringComparison.Ordinal);
        var history = (await host.Get<WorkflowService>().GetNotificationsAsync(host.DemoBusiness, created.WorkflowId, CancellationToken.None)).Value!;
        Assert.Equal(["INITIAL", "REMINDER", "EXPIRY"], history.Select(n => n.Origin.ToString().ToUpperInvariant()));
        Assert.Equal(ServiceOutcome.Conflict, late.Outcome);
        Assert.Equal(WorkflowStatus.Expired, (await host.Get<WorkflowService>().GetAsync(host.DemoBusiness, created.WorkflowId, CancellationToken.None)).Value!.Status);
    }

    [Fact]
    public async Task CustomerDeclines_WorkflowIsDeclinedWithReason()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCard());
        var run = Start(host);
        await WaitForStepAsync(host, created.WorkflowId, 1);

        await host.Get<GatewayService>().DeclineAsync(
            TestPlans.TokenOf(created), TestPlans.Json("""{ "reason": "INCORRECT_INFORMATION", "comment": "Not my address" }"""), null, RequestOrigin.Unknown, CancellationToken.None);

        Assert.Equal(WorkflowStatus.Declined, (await run.Run.WaitAsync(InlineOrchestration.Deadline)).Status);
        var details = (await host.Get<WorkflowService>().GetAsync(host.DemoBusiness, created.WorkflowId, CancellationToken.None)).Value!;
        Assert.Equal((WorkflowStatus.Declined, "INCORRECT_INFORMATION", "Not my address", StepStatus.Declined),
            (details.Status, details.DeclineReason, details.DeclineComment, details.Steps[1].Status));
    }

    [Fact]
    public async Task AchRebate_CompletesPendingThenSettlesOnTimer()
    {
        await using var host = await TestHost.StartAsync(azurite);

        var (created, run) = await RunToEndAsync(host, TestPlans.RebateToNewAccount(FinancialAccountSubType.Checking, PaymentSolution.Ach));
        await WaitForStatusAsync(host, created.WorkflowId, WorkflowStatus.Completed);
        await Poll.UntilAsync(() => Task.FromResult(run.HasPendingTimer), TimeSpan.FromSeconds(10), "the settlement timer");
        var pending = (await host.Get<ITransactionStore>().FindByIdempotencyKeyAsync(
            DemoData.BusinessId, created.WorkflowId.ToString("D") + ":move-money", CancellationToken.None))!;
        run.FireNextTimer();
        var result = await run.Run.WaitAsync(InlineOrchestration.Deadline);

        Assert.Equal(TransactionStatus.Pending, pending.Status);
        Assert.Equal(WorkflowStatus.Completed, result.Status);
        var settled = await host.Get<ITransactionStore>().GetAsync(DemoData.BusinessId, result.TransactionId!.Value, CancellationToken.None);
        Assert.Equal(TransactionStatus.Settled, settled!.Status);
        var details = (await host.Get<WorkflowService>().GetAsync(host.DemoBusiness, created.WorkflowId, CancellationToken.None)).Value!;
        Assert.Equal("SETTLED", details.Steps[3].Data!["status"]);
    }

    /// <summary>Creates the plan, starts the run and plays the customer: each step submitted once it is current.</summary>
    internal static async Task<(WorkflowCreated Created, InlineOrchestration Run)> RunToEndAsync(TestHost host, WorkflowPlan plan, int runsPerActivity = 1)
    {
        var created = await TestPlans.CreateAsync(host, plan);
        var run = Start(host, runsPerActivity);
        await PlayCustomerAsync(host, created, plan);
        return (created, run);
    }

    /// <summary>The customer on the Gateway: each step's body submitted once that step is current (documents: the versions pinned).</summary>
    internal static async Task PlayCustomerAsync(TestHost host, WorkflowCreated created, WorkflowPlan plan)
    {
        var gateway = host.Get<GatewayService>();
        var pinned = (await host.Get<IWorkflowStore>().GetAsync(DemoData.BusinessId, created.WorkflowId, CancellationToken.None))!.Plan;
        for (var index = 1; index < plan.Steps.Count; index++)
        {
            await WaitForStepAsync(host, created.WorkflowId, index);
            var body = pinned.Steps[index] switch
            {
                CustomerAccountStep => Profile,
                EnhanceProfileStep => TestPlans.EnhancementBody,
                DocumentAcceptanceStep documents => TestPlans.AcceptanceBody(documents),
                FinancialAccountStep { FinancialAccountSubType: FinancialAccountSubType.Debit or FinancialAccountSubType.Credit } =>
                    $$"""{ "cardNumber": "{{CardNumber}}", "expiry": "2030-12", "nameOnCard": "{{DistinctivePersonalData.NameOnCard}}", "cvc": "{{DistinctivePersonalData.Cvc}}", "postalCode": "{{DistinctivePersonalData.BillingPostalCode}}" }""",
                FinancialAccountStep => $$"""{ "routingNumber": "011000015", "accountNumber": "{{AccountNumber}}", "accountNumberConfirm": "{{AccountNumber}}", "nameOnAccount": "{{DistinctivePersonalData.NameOnAccount}}" }""",
                MoveMoneyStep => """{ "accept": true }""",
                _ => """{ "confirm": true }""",
            };
            var submitted = await gateway.SubmitStepAsync(TestPlans.TokenOf(created), plan.Steps[index].Name, TestPlans.Json(body), null, RequestOrigin.Unknown, CancellationToken.None);
            Assert.Equal(ServiceOutcome.Accepted, submitted.Outcome);
        }
    }

    private static InlineOrchestration Start(TestHost host, int runsPerActivity = 1)
    {
        var input = (LinxOrchestrationInput)host.Orchestrations.Scheduled.Last().Input!;
        return new InlineOrchestration(host, input, runsPerActivity).Start();
    }

    internal static Task WaitForStepAsync(TestHost host, Guid workflowId, int step) =>
        Poll.UntilAsync(
            async () => await host.Get<IWorkflowStore>().GetAsync(DemoData.BusinessId, workflowId, CancellationToken.None) is { Status: WorkflowStatus.Active } w
                && w.CurrentStep == step,
            TimeSpan.FromSeconds(15),
            $"step {step} to be current");

    internal static Task WaitForStatusAsync(TestHost host, Guid workflowId, WorkflowStatus status) =>
        Poll.UntilAsync(
            async () => (await host.Get<IWorkflowStore>().GetAsync(DemoData.BusinessId, workflowId, CancellationToken.None))?.Status == status,
            TimeSpan.FromSeconds(15),
            $"status {status}");
}
