using LinX.Core.Accounts;
using LinX.Core.Activities;
using LinX.Core.Customers;
using LinX.Core.Gateway;
using LinX.Core.Notifications;
using LinX.Core.Payments;
using LinX.Core.Workflows;
using LinX.Functions.Functions;
using LinX.Functions.Functions.Http;
using LinX.Infrastructure.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Functions.Tests.Functions;

/// <summary>
/// The workflow's activity functions, each activated from its invocation's services as the worker does and run with a
/// strict <c>FunctionContext</c>; outcomes are read back through the HTTP functions or the SMS sender.
/// </summary>
[Collection(FunctionsHostTests.Name)]
public sealed class StepActivityFunctionsTests(FunctionsHostFixture host)
{
    private static readonly CustomerProfile Profile = new(
        "Jane", "Roe", "jane.roe@example.com", new DateOnly(1990, 4, 1), new PostalAddress("1 Main Street", null, "Toronto", "ON", "M5V 2T6", "CA"));

    [Fact]
    public async Task SendNotification_InitialSms_SendsTheLinkAndRecordsItOnce()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey);
        var input = new SendNotificationInput(DemoData.BusinessId, workflow.WorkflowId, 0, NotificationOrigin.Initial);

        var first = await ActivityAsync((client, c) => SendNotificationFunction.RunAsync(input, client, c));
        var again = await ActivityAsync((client, c) => SendNotificationFunction.RunAsync(input, client, c));

        Assert.True(first.Successful);
        Assert.Equal(first.ProviderMessageId, again.ProviderMessageId);
        var sms = Assert.Single(host.Sms.Messages, s => s.Body.Contains($"{FunctionsHostFixture.PublicBaseUrl}/linx/{workflow.Token}", StringComparison.Ordinal));
        Assert.Equal((DemoData.CustomerPhoneNumber, first.ProviderMessageId), (sms.To, sms.MessageId));
        await using var read = host.NewInvocation();
        var history = await FunctionInvocation.RunAsync(
            read.Request("GET", $"/api/linx/workflows/{workflow.WorkflowId}/notifications", apiKey: host.ApiKey),
            r => WorkflowFunctions.NotificationsAsync(r, read.Client, workflow.WorkflowId.ToString()));
        Assert.Equal(1, history.Json.GetArrayLength());
    }

    [Fact]
    public async Task CreateCustomerAccount_Profile_CreatesTheCustomerOfTheBusiness()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey);
        var sealedProfile = host.Services.GetRequiredService<CustomerSubmissions>().Profile(workflow.WorkflowId, Profile).SealedProfile;
        var input = new CreateCustomerAccountInput(DemoData.BusinessId, workflow.WorkflowId, sealedProfile, "+1647*****67");

        var created = await ActivityAsync((client, c) => CreateCustomerAccountFunction.RunAsync(input, client, c));

        var customer = await ReadAsync($"/api/linx/customers/{created.Id}", (r, id) => ResourceFunctions.CustomerAsync(r, id), created.Id);
        Assert.Equal(200, customer.Status);
        Assert.Equal("Roe", customer.Json.GetProperty("lastName").GetString());
    }

    [Fact]
    public async Task LookupProfile_KnownAndUnknownCustomer_AreFoundAndNot()
    {
        var workflowId = Guid.NewGuid();
        var known = await RunAsync<LookupProfileFunction, StepActivityOutput>(
            (f, c) => f.RunAsync(new LookupInput(DemoData.BusinessId, DemoData.CustomerId, WorkflowId: workflowId), c));
        var unknown = await RunAsync<LookupProfileFunction, StepActivityOutput>(
            (f, c) => f.RunAsync(new LookupInput(DemoData.BusinessId, Guid.NewGuid(), WorkflowId: workflowId), c));

        Assert.Equal((true, false), (known.Found, unknown.Found));
        Assert.NotNull(known.SealedData);
    }

    [Fact]
    public async Task CreateFinancialAccount_TokenizedCard_CreatesTheCustomersCard()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey, seed: 2);
        var card = new TokenizedCard("VISA", "1111", 2031, 8, "fp-" + Guid.NewGuid().ToString("N"), "tok_test", "Jane Roe");
        var sealedCard = host.Services.GetRequiredService<CustomerSubmissions>().Card(workflow.WorkflowId, card).SealedCard;
        var input = new CreateFinancialAccountInput(DemoData.BusinessId, workflow.WorkflowId, DemoData.CustomerId, FinancialAccountSubType.Debit, sealedCard, null);

        var created = await ActivityAsync((client, c) => CreateFinancialAccountFunction.RunAsync(input, client, c));

        var account = await ReadAsync($"/api/linx/financial-accounts/{created.Id}", (r, id) => ResourceFunctions.FinancialAccountAsync(r, id), created.Id);
        Assert.Equal(200, account.Status);
        Assert.Equal(("1111", DemoData.CustomerId), (account.Json.GetProperty("last4").GetString(), account.Json.GetProperty("customerId").GetGuid()));
    }

    [Fact]
    public async Task LookupFinancialAccount_CustomersCard_IsFound()
    {
        var input = new LookupInput(DemoData.BusinessId, DemoData.CustomerFinancialAccountId, DemoData.CustomerId, Guid.NewGuid());

        var found = await RunAsync<LookupFinancialAccountFunction, StepActivityOutput>((f, c) => f.RunAsync(input, c));

        Assert.True(found.Found);
        Assert.Equal(DemoData.CustomerFinancialAccountId, found.Id);
    }

    [Fact]
    public async Task MoveMoneyThenSettleTransaction_PushToCard_CreatesTheTransactionAndSettlesIt()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey, seed: 4);
        var record = await host.Services.GetRequiredService<IWorkflowStore>().GetAsync(DemoData.BusinessId, workflow.WorkflowId, CancellationToken.None);
        var move = new MoveMoneyInput(DemoData.BusinessId, workflow.WorkflowId, DemoData.CustomerFinancialAccountId, record!.Plan.MoveMoney!);

        var moved = await ActivityAsync((client, c) => MoveMoneyFunction.RunAsync(move, client, c));
        var settled = await RunAsync<SettleTransactionFunction, TransactionOutput>(
            (f, c) => f.RunAsync(new SettleTransactionInput(DemoData.BusinessId, moved.TransactionId), c));

        var transaction = await ReadAsync($"/api/linx/transactions/{moved.TransactionId}", (r, id) => ResourceFunctions.TransactionAsync(r, id), moved.TransactionId);
        Assert.Equal(200, transaction.Status);
        Assert.Equal((workflow.WorkflowId, 256.25m), (transaction.Json.GetProperty("workflowId").GetGuid(), transaction.Json.GetProperty("amount").GetDecimal()));
        Assert.Equal(moved.TransactionId, settled.TransactionId);
        Assert.DoesNotContain(settled.Status, new[] { TransactionStatus.Declined, TransactionStatus.Error });
    }

    private async Task<TOut> RunAsync<TFunction, TOut>(Func<TFunction, Microsoft.Azure.Functions.Worker.FunctionContext, Task<TOut>> run)
        where TFunction : class
    {
        await using var invocation = host.NewInvocation();
        var function = ActivatorUtilities.CreateInstance<TFunction>(invocation.Services);
        return await run(function, invocation.FunctionContext());
    }

    /// <summary>Runs an activity function that binds its invocation's Durable client (it may publish webhooks).</summary>
    private async Task<TOut> ActivityAsync<TOut>(Func<Microsoft.DurableTask.Client.DurableTaskClient, Microsoft.Azure.Functions.Worker.FunctionContext, Task<TOut>> run)
    {
        await using var invocation = host.NewInvocation();
        return await run(invocation.Client, invocation.FunctionContext());
    }

    private async Task<TestResponse> ReadAsync(string path, Func<Microsoft.AspNetCore.Http.HttpRequest, string, Task<Microsoft.AspNetCore.Http.IResult>> function, Guid id)
    {
        await using var invocation = host.NewInvocation();
        return await FunctionInvocation.RunAsync(invocation.Request("GET", path, apiKey: host.ApiKey), r => function(r, id.ToString()));
    }
}
