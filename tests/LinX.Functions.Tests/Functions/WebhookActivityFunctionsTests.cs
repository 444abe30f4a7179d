using System.Net;
using System.Text.Json;
using LinX.Core.Webhooks;
using LinX.Core.Workflows;
using LinX.Functions.Functions;
using LinX.Functions.Functions.Http;
using Microsoft.Extensions.DependencyInjection;
using LinX.Testing;

namespace LinX.Functions.Tests.Functions;

/// <summary>
/// <c>UpdateWorkflowStatus</c> (which takes the invocation's Durable client, for the webhook dispatchers) and the
/// webhook activity functions. Each test has a business of its own with one subscription.
/// </summary>
[Collection(FunctionsHostTests.Name)]
public sealed class WebhookActivityFunctionsTests(FunctionsHostFixture host)
{
    [Fact]
    public async Task UpdateWorkflowStatus_NewerSnapshot_UpdatesTheRowAndStartsTheSubscriptionsDispatcher()
    {
        var (businessId, key) = await host.CreateBusinessAsync("Activities update");
        var subscriptionId = await Arrange.SubscriptionAsync(host, key);
        var workflow = await Arrange.WorkflowAsync(host, businessId, key);
        await using var invocation = host.NewInvocation();
        invocation.Durable.KnowsNoInstances().AcceptsSchedules();

        var applied = await UpdateWorkflowStatusFunction.RunAsync(Arrange.Update(workflow, 1, version: 1), invocation.Client, invocation.FunctionContext());

        Assert.True(applied);
        var scheduled = Assert.Single(invocation.Durable.Scheduled);
        Assert.Equal(WebhookDispatchOrchestration.Name, scheduled.Name.Name);
        Assert.Equal(WebhookDispatchOrchestration.InstanceIdOf(subscriptionId, workflow.WorkflowId), scheduled.Options?.InstanceId);
        var row = await GetWorkflowAsync(workflow, key);
        Assert.Equal(("ACTIVE", 1), (row.GetProperty("status").GetString(), row.GetProperty("currentStep").GetInt32()));
    }

    [Fact]
    public async Task UpdateWorkflowStatus_SameVersionAgain_LeavesTheRowAndKicksThePendingDispatcherAgain()
    {
        // A retried activity: the first run recorded the event, and may have died before it kicked the dispatcher.
        var (businessId, key) = await host.CreateBusinessAsync("Activities replay");
        var subscriptionId = await Arrange.SubscriptionAsync(host, key);
        var workflow = await Arrange.WorkflowAsync(host, businessId, key);
        Assert.True(await Arrange.ActivateAsync(host, workflow, currentStep: 1, version: 2));
        await using var invocation = host.NewInvocation();
        invocation.Durable.KnowsNoInstances().AcceptsSchedules();

        var applied = await UpdateWorkflowStatusFunction.RunAsync(Arrange.Update(workflow, 0, version: 2), invocation.Client, invocation.FunctionContext());

        Assert.False(applied);
        Assert.Equal(WebhookDispatchOrchestration.InstanceIdOf(subscriptionId, workflow.WorkflowId), Assert.Single(invocation.Durable.Scheduled).Options?.InstanceId);
        Assert.Equal(1, (await GetWorkflowAsync(workflow, key)).GetProperty("currentStep").GetInt32());
    }

    [Fact]
    public async Task LoadPendingWebhooks_AfterAnUpdate_ListsItsEvent()
    {
        var (subscription, workflow, _) = await SubscriptionWithOneEventAsync("Activities load");

        var pending = await RunAsync<WebhookActivityFunctions, PendingWebhooksOutput>(
            (f, c) => f.LoadAsync(new PendingWebhooksInput(workflow.BusinessId, subscription, workflow.WorkflowId), c));

        Assert.True(pending.Active);
        Assert.Single(pending.EventIds);
    }

    [Fact]
    public async Task DeliverWebhook_LoopbackReceiver_PostsTheSignedEventAndMarksItDelivered()
    {
        using var receiver = new HttpListener();
        var url = $"http://127.0.0.1:{Ports.Free()}/hook/";
        receiver.Prefixes.Add(url);
        receiver.Start();
        var received = AnswerOneAsync(receiver);
        var (subscription, workflow, key) = await SubscriptionWithOneEventAsync("Activities deliver", url);
        var eventId = await SingleEventIdAsync(workflow, subscription);

        var outcome = await RunAsync<WebhookActivityFunctions, DeliverWebhookOutput>(
            (f, c) => f.DeliverAsync(new DeliverWebhookInput(workflow.BusinessId, subscription, eventId, Guid.NewGuid()), c));

        Assert.Equal(WebhookAttemptOutcome.Delivered, outcome.Outcome);
        var (signature, body) = await received.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(string.IsNullOrEmpty(signature));
        Assert.Contains(workflow.WorkflowId.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("DELIVERED", (await DeliveryAsync(subscription, key)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task FailWebhookDelivery_PendingEvent_MarksItFailed()
    {
        var (subscription, workflow, key) = await SubscriptionWithOneEventAsync("Activities fail");
        var eventId = await SingleEventIdAsync(workflow, subscription);

        var done = await RunAsync<WebhookActivityFunctions, bool>((f, c) => f.FailAsync(new FailWebhookDeliveryInput(subscription, eventId), c));

        Assert.True(done);
        Assert.Equal("FAILED", (await DeliveryAsync(subscription, key)).GetProperty("status").GetString());
    }

    private static async Task<(string? Signature, string Body)> AnswerOneAsync(HttpListener receiver)
    {
        var context = await receiver.GetContextAsync();
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        var signature = context.Request.Headers[WebhookSignature.HeaderName];
        context.Response.StatusCode = 204;
        context.Response.Close();
        return (signature, body);
    }

    private async Task<(Guid SubscriptionId, CreatedWorkflow Workflow, string ApiKey)> SubscriptionWithOneEventAsync(
        string business, string url = "https://hooks.example.test/linx")
    {
        var (businessId, key) = await host.CreateBusinessAsync(business);
        var subscription = await Arrange.SubscriptionAsync(host, key, url);
        var workflow = await Arrange.WorkflowAsync(host, businessId, key);
        Assert.True(await Arrange.ActivateAsync(host, workflow, currentStep: 1));
        return (subscription, workflow, key);
    }

    private async Task<Guid> SingleEventIdAsync(CreatedWorkflow workflow, Guid subscription)
    {
        var pending = await host.Services.GetRequiredService<IWebhookDeliveryStore>()
            .ListPendingAsync(subscription, workflow.WorkflowId, CancellationToken.None);
        return Assert.Single(pending).EventId;
    }

    private async Task<JsonElement> DeliveryAsync(Guid subscription, string key)
    {
        await using var invocation = host.NewInvocation();
        var response = await FunctionInvocation.RunAsync(
            invocation.Request("GET", $"/api/linx/webhook-subscriptions/{subscription}/deliveries", apiKey: key),
            r => WebhookSubscriptionFunctions.DeliveriesAsync(r, invocation.Client, subscription.ToString()));
        return Assert.Single(response.Json.EnumerateArray());
    }

    private async Task<JsonElement> GetWorkflowAsync(CreatedWorkflow workflow, string key)
    {
        await using var invocation = host.NewInvocation();
        var response = await FunctionInvocation.RunAsync(
            invocation.Request("GET", $"/api/linx/workflows/{workflow.WorkflowId}", apiKey: key),
            r => WorkflowFunctions.GetAsync(r, invocation.Client, workflow.WorkflowId.ToString()));
        Assert.Equal(200, response.Status);
        return response.Json;
    }

    private async Task<TOut> RunAsync<TFunction, TOut>(Func<TFunction, Microsoft.Azure.Functions.Worker.FunctionContext, Task<TOut>> run)
        where TFunction : class
    {
        await using var invocation = host.NewInvocation();
        var function = ActivatorUtilities.CreateInstance<TFunction>(invocation.Services);
        return await run(function, invocation.FunctionContext());
    }
}
