using LinX.Core.Orchestration;
using LinX.Core.Workflows;
using LinX.Functions.Functions.Http;
using LinX.Infrastructure.Demo;

namespace LinX.Functions.Tests.Functions.Http;

[Collection(FunctionsHostTests.Name)]
public sealed class WorkflowFunctionsTests(FunctionsHostFixture host)
{
    [Fact]
    public async Task CreateAsync_SeedRequest_Is202AndSchedulesTheWorkflowOrchestration()
    {
        await using var invocation = host.NewInvocation();
        invocation.Durable.AcceptsSchedules();
        var request = invocation.Request("POST", "/api/linx/workflows", Arrange.Seed(4), host.ApiKey);

        var response = await FunctionInvocation.RunAsync(request, r => WorkflowFunctions.CreateAsync(r, invocation.Client));

        Assert.Equal(202, response.Status);
        var workflowId = response.Json.GetProperty("workflowId").GetGuid();
        Assert.Equal($"/api/linx/workflows/{workflowId}", response.Headers.Location.ToString());
        var scheduled = Assert.Single(invocation.Durable.Scheduled);
        Assert.Equal(LinxOrchestration.Name, scheduled.Name.Name);
        Assert.Equal(workflowId.ToString("D"), scheduled.Options?.InstanceId);
        var input = Assert.IsType<LinxOrchestrationInput>(scheduled.Input);
        Assert.Equal((workflowId, DemoData.BusinessId), (input.WorkflowId, input.BusinessId));
        Assert.Equal([StepNames.Notification, StepNames.LookupProfile, StepNames.LookupFinancialAccount, StepNames.MoveMoney], input.Plan.Steps.Select(s => s.Name));
    }

    [Fact]
    public async Task CreateAsync_SeedRequest_AnswersDurableManagementUrisOfTheBindingWithoutTheSystemKey()
    {
        await using var invocation = host.NewInvocation();
        invocation.Durable.AcceptsSchedules();
        var request = invocation.Request("POST", "/api/linx/workflows", Arrange.Seed(1), host.ApiKey);

        var body = (await FunctionInvocation.RunAsync(request, r => WorkflowFunctions.CreateAsync(r, invocation.Client))).Json;

        var instance = $"{DurableBinding.HttpBaseUrl}/instances/{body.GetProperty("workflowId").GetGuid()}";
        Assert.Equal(body.GetProperty("workflowId").GetGuid().ToString("D"), body.GetProperty("id").GetString());
        Assert.Equal($"{instance}?taskHub=linx&connection=Storage", body.GetProperty("statusQueryGetUri").GetString());
        Assert.Equal($"{instance}/raiseEvent/{{eventName}}?taskHub=linx&connection=Storage", body.GetProperty("sendEventPostUri").GetString());
        Assert.Equal($"{instance}/terminate?reason={{text}}&taskHub=linx&connection=Storage", body.GetProperty("terminatePostUri").GetString());
        Assert.Equal($"{instance}?taskHub=linx&connection=Storage", body.GetProperty("purgeHistoryDeleteUri").GetString());
        Assert.DoesNotContain("SYSTEM-KEY", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_InvalidRequest_Is400ProblemListingEveryErrorAndSchedulesNothing()
    {
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("POST", "/api/linx/workflows", """{ "title": "", "steps": [ { "name": "move-money" } ] }""", host.ApiKey);

        var response = await FunctionInvocation.RunAsync(request, r => WorkflowFunctions.CreateAsync(r, invocation.Client));

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.True(response.Json.GetProperty("errors").GetArrayLength() >= 2);
        Assert.Empty(invocation.Durable.Scheduled);
    }

    [Fact]
    public async Task CreateAsync_WithoutApiKey_Is401Problem()
    {
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("POST", "/api/linx/workflows", Arrange.Seed(1));

        var response = await FunctionInvocation.RunAsync(request, r => WorkflowFunctions.CreateAsync(r, invocation.Client));

        Assert.Equal(401, response.Status);
        Assert.Equal("UNAUTHORIZED", response.ErrorCode);
    }

    [Fact]
    public async Task SearchAsync_AfterCreate_ListsTheWorkflow()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey);
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("GET", "/api/linx/workflows?status=CREATED&size=100", apiKey: host.ApiKey);

        var response = await FunctionInvocation.RunAsync(request, r => WorkflowFunctions.SearchAsync(r, invocation.Client));

        Assert.Equal(200, response.Status);
        Assert.Contains(response.Json.GetProperty("content").EnumerateArray(), w => w.GetProperty("id").GetGuid() == workflow.WorkflowId);
    }

    [Fact]
    public async Task SearchAsync_BadPaging_Is400Problem()
    {
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("GET", "/api/linx/workflows?size=1000", apiKey: host.ApiKey);

        var response = await FunctionInvocation.RunAsync(request, r => WorkflowFunctions.SearchAsync(r, invocation.Client));

        Assert.Equal(400, response.Status);
    }

    [Fact]
    public async Task GetAsync_Created_Is200WithStatusCreated()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey);
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("GET", $"/api/linx/workflows/{workflow.WorkflowId}", apiKey: host.ApiKey);

        var response = await FunctionInvocation.RunAsync(request, r => WorkflowFunctions.GetAsync(r, invocation.Client, workflow.WorkflowId.ToString()));

        Assert.Equal(200, response.Status);
        Assert.Equal("CREATED", response.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetAsync_AnotherBusinessesWorkflow_Is404Problem()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey);
        var (_, otherKey) = await host.CreateBusinessAsync("Other business");
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("GET", $"/api/linx/workflows/{workflow.WorkflowId}", apiKey: otherKey);

        var response = await FunctionInvocation.RunAsync(request, r => WorkflowFunctions.GetAsync(r, invocation.Client, workflow.WorkflowId.ToString()));

        Assert.Equal(404, response.Status);
        Assert.Equal("NOT_FOUND", response.ErrorCode);
    }

    [Fact]
    public async Task CancelAsync_OpenWorkflow_Is202AndRaisesCancel()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey);
        await using var invocation = host.NewInvocation();
        invocation.Durable.AcceptsEvents();
        var request = invocation.Request("POST", $"/api/linx/workflows/{workflow.WorkflowId}/cancel", apiKey: host.ApiKey);

        var response = await FunctionInvocation.RunAsync(request, r => WorkflowFunctions.CancelAsync(r, invocation.Client, workflow.WorkflowId.ToString()));

        Assert.Equal(202, response.Status);
        var raised = Assert.Single(invocation.Durable.Raised);
        Assert.Equal((workflow.WorkflowId.ToString("D"), WorkflowEvent.EventName), (raised.InstanceId, raised.EventName));
        Assert.Equal(WorkflowEventKind.Cancel, Assert.IsType<WorkflowEvent>(raised.Payload).Kind);
    }

    [Fact]
    public async Task CancelAsync_InstanceEndedInDurableFunctions_Is409Problem()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey);
        await using var invocation = host.NewInvocation();
        invocation.Durable.RefusesEvents();
        var request = invocation.Request("POST", $"/api/linx/workflows/{workflow.WorkflowId}/cancel", apiKey: host.ApiKey);

        var response = await FunctionInvocation.RunAsync(request, r => WorkflowFunctions.CancelAsync(r, invocation.Client, workflow.WorkflowId.ToString()));

        Assert.Equal(409, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    [Fact]
    public async Task ResendAsync_OpenWorkflow_Is202AndRaisesResend()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey);
        await using var invocation = host.NewInvocation();
        invocation.Durable.AcceptsEvents();
        var request = invocation.Request("POST", $"/api/linx/workflows/{workflow.WorkflowId}/resend", apiKey: host.ApiKey);

        var response = await FunctionInvocation.RunAsync(request, r => WorkflowFunctions.ResendAsync(r, invocation.Client, workflow.WorkflowId.ToString()));

        Assert.Equal(202, response.Status);
        Assert.Equal(WorkflowEventKind.Resend, Assert.IsType<WorkflowEvent>(Assert.Single(invocation.Durable.Raised).Payload).Kind);
    }

    [Fact]
    public async Task ExtendAsync_ByHours_Is202AndRaisesExtendToTheNewExpiry()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey);
        await using var invocation = host.NewInvocation();
        invocation.Durable.AcceptsEvents();
        var request = invocation.Request("POST", $"/api/linx/workflows/{workflow.WorkflowId}/extend", """{ "hours": 24 }""", host.ApiKey);

        var response = await FunctionInvocation.RunAsync(request, r => WorkflowFunctions.ExtendAsync(r, invocation.Client, workflow.WorkflowId.ToString()));

        Assert.Equal(202, response.Status);
        var extend = Assert.IsType<WorkflowEvent>(Assert.Single(invocation.Durable.Raised).Payload);
        Assert.Equal(WorkflowEventKind.Extend, extend.Kind);
        Assert.Equal(workflow.ExpireAt.UtcDateTime.AddHours(24), extend.NewExpireAt);
    }

    [Fact]
    public async Task ExtendAsync_EarlierExpiry_Is400ProblemAndRaisesNothing()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey);
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("POST", $"/api/linx/workflows/{workflow.WorkflowId}/extend", """{ "expireAt": "2020-01-01T00:00:00Z" }""", host.ApiKey);

        var response = await FunctionInvocation.RunAsync(request, r => WorkflowFunctions.ExtendAsync(r, invocation.Client, workflow.WorkflowId.ToString()));

        Assert.Equal(400, response.Status);
        Assert.Empty(invocation.Durable.Raised);
    }

    [Fact]
    public async Task NotificationsAsync_NothingSentYet_Is200WithNoNotifications()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey);
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("GET", $"/api/linx/workflows/{workflow.WorkflowId}/notifications", apiKey: host.ApiKey);

        var response = await FunctionInvocation.RunAsync(request, r => WorkflowFunctions.NotificationsAsync(r, invocation.Client, workflow.WorkflowId.ToString()));

        Assert.Equal(200, response.Status);
        Assert.Equal(0, response.Json.GetArrayLength());
    }
}
