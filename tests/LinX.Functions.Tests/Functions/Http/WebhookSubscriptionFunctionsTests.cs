using System.Text.Json;
using LinX.Core.Webhooks;
using LinX.Functions.Functions.Http;

namespace LinX.Functions.Tests.Functions.Http;

/// <summary>Each test has a business of its own, so that no other test's subscription receives its events.</summary>
[Collection(FunctionsHostTests.Name)]
public sealed class WebhookSubscriptionFunctionsTests(FunctionsHostFixture host)
{
    private const string Base = "/api/linx/webhook-subscriptions";

    [Fact]
    public async Task CreateAsync_ValidBody_Is201WithTheSecretOnce()
    {
        var (_, key) = await host.CreateBusinessAsync("Webhooks create");
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("POST", Base, """{ "url": "https://hooks.example.test/a", "eventTypes": ["linx.workflow-updated"] }""", key);

        var response = await FunctionInvocation.RunAsync(request, r => WebhookSubscriptionFunctions.CreateAsync(r, invocation.Client));

        Assert.Equal(201, response.Status);
        var id = response.Json.GetProperty("id").GetGuid();
        Assert.Equal($"{Base}/{id}", response.Headers.Location.ToString());
        Assert.False(string.IsNullOrEmpty(response.Json.GetProperty("secret").GetString()));
    }

    [Fact]
    public async Task CreateAsync_PlainHttpPublicUrl_Is400Problem()
    {
        var (_, key) = await host.CreateBusinessAsync("Webhooks invalid");
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("POST", Base, """{ "url": "http://hooks.example.test/a", "eventTypes": ["nope"] }""", key);

        var response = await FunctionInvocation.RunAsync(request, r => WebhookSubscriptionFunctions.CreateAsync(r, invocation.Client));

        Assert.Equal(400, response.Status);
        Assert.Equal(2, response.Json.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task ListAsync_AfterCreate_ListsItWithoutSecrets()
    {
        var (_, key) = await host.CreateBusinessAsync("Webhooks list");
        var id = await Arrange.SubscriptionAsync(host, key);
        await using var invocation = host.NewInvocation();

        var response = await FunctionInvocation.RunAsync(invocation.Request("GET", Base, apiKey: key), r => WebhookSubscriptionFunctions.ListAsync(r, invocation.Client));

        Assert.Equal(200, response.Status);
        var listed = Assert.Single(response.Json.EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetGuid());
        Assert.False(listed.TryGetProperty("secret", out _));
    }

    [Fact]
    public async Task GetAsync_AnotherBusinessesSubscription_Is404Problem()
    {
        var (_, key) = await host.CreateBusinessAsync("Webhooks owner");
        var (_, otherKey) = await host.CreateBusinessAsync("Webhooks other");
        var id = await Arrange.SubscriptionAsync(host, key);
        await using var invocation = host.NewInvocation();

        var response = await FunctionInvocation.RunAsync(
            invocation.Request("GET", $"{Base}/{id}", apiKey: otherKey), r => WebhookSubscriptionFunctions.GetAsync(r, invocation.Client, id.ToString()));

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task UpdateAsync_NewDescription_Is200WithIt()
    {
        var (_, key) = await host.CreateBusinessAsync("Webhooks update");
        var id = await Arrange.SubscriptionAsync(host, key);
        await using var invocation = host.NewInvocation();
        var request = invocation.Request(
            "PUT", $"{Base}/{id}", """{ "url": "https://hooks.example.test/b", "eventTypes": ["linx.workflow-completed"], "description": "renamed" }""", key);

        var response = await FunctionInvocation.RunAsync(request, r => WebhookSubscriptionFunctions.UpdateAsync(r, invocation.Client, id.ToString()));

        Assert.Equal(200, response.Status);
        Assert.Equal(("https://hooks.example.test/b", "renamed"), (response.Json.GetProperty("url").GetString(), response.Json.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task DeleteAsync_Existing_Is204AndThenGone()
    {
        var (_, key) = await host.CreateBusinessAsync("Webhooks delete");
        var id = await Arrange.SubscriptionAsync(host, key);
        await using var invocation = host.NewInvocation();

        var deleted = await FunctionInvocation.RunAsync(
            invocation.Request("DELETE", $"{Base}/{id}", apiKey: key), r => WebhookSubscriptionFunctions.DeleteAsync(r, invocation.Client, id.ToString()));
        var after = await FunctionInvocation.RunAsync(
            invocation.Request("GET", $"{Base}/{id}", apiKey: key), r => WebhookSubscriptionFunctions.GetAsync(r, invocation.Client, id.ToString()));

        Assert.Equal((204, 404), (deleted.Status, after.Status));
    }

    [Fact]
    public async Task SuspendAsync_Active_Is200Suspended()
    {
        var (_, key) = await host.CreateBusinessAsync("Webhooks suspend");
        var id = await Arrange.SubscriptionAsync(host, key);
        await using var invocation = host.NewInvocation();

        var response = await FunctionInvocation.RunAsync(
            invocation.Request("POST", $"{Base}/{id}/suspend", apiKey: key), r => WebhookSubscriptionFunctions.SuspendAsync(r, invocation.Client, id.ToString()));

        Assert.Equal(200, response.Status);
        Assert.Equal("SUSPENDED", response.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ResumeAsync_WithPendingDeliveries_Is200AndStartsTheirDispatcher()
    {
        var (businessId, key) = await host.CreateBusinessAsync("Webhooks resume");
        var id = await Arrange.SubscriptionAsync(host, key);
        var workflow = await Arrange.WorkflowAsync(host, businessId, key);
        Assert.True(await Arrange.ActivateAsync(host, workflow, currentStep: 1)); // an event, pending: no dispatcher runs here
        await SuspendAsync(id, key);
        await using var invocation = host.NewInvocation();
        invocation.Durable.KnowsNoInstances().AcceptsSchedules();

        var response = await FunctionInvocation.RunAsync(
            invocation.Request("POST", $"{Base}/{id}/resume", apiKey: key), r => WebhookSubscriptionFunctions.ResumeAsync(r, invocation.Client, id.ToString()));

        Assert.Equal(200, response.Status);
        Assert.Equal("ACTIVE", response.Json.GetProperty("status").GetString());
        var scheduled = Assert.Single(invocation.Durable.Scheduled);
        Assert.Equal(WebhookDispatchOrchestration.InstanceIdOf(id, workflow.WorkflowId), scheduled.Options?.InstanceId);
    }

    [Fact]
    public async Task RotateSecretAsync_Existing_Is200WithANewSecret()
    {
        var (_, key) = await host.CreateBusinessAsync("Webhooks rotate");
        var id = await Arrange.SubscriptionAsync(host, key);
        await using var invocation = host.NewInvocation();

        var response = await FunctionInvocation.RunAsync(
            invocation.Request("POST", $"{Base}/{id}/rotate-secret", apiKey: key), r => WebhookSubscriptionFunctions.RotateSecretAsync(r, invocation.Client, id.ToString()));

        Assert.Equal(200, response.Status);
        Assert.False(string.IsNullOrEmpty(response.Json.GetProperty("secret").GetString()));
        Assert.Equal(JsonValueKind.String, response.Json.GetProperty("previousSecretExpiresAt").ValueKind);
    }

    [Fact]
    public async Task DeliveriesAsync_AfterAWorkflowUpdate_ListsItsEvent()
    {
        var (businessId, key) = await host.CreateBusinessAsync("Webhooks deliveries");
        var id = await Arrange.SubscriptionAsync(host, key);
        var workflow = await Arrange.WorkflowAsync(host, businessId, key);
        Assert.True(await Arrange.ActivateAsync(host, workflow, currentStep: 1));
        await using var invocation = host.NewInvocation();

        var response = await FunctionInvocation.RunAsync(
            invocation.Request("GET", $"{Base}/{id}/deliveries", apiKey: key), r => WebhookSubscriptionFunctions.DeliveriesAsync(r, invocation.Client, id.ToString()));

        Assert.Equal(200, response.Status);
        var delivery = Assert.Single(response.Json.EnumerateArray());
        Assert.Equal((workflow.WorkflowId, WebhookEventTypes.WorkflowUpdated), (delivery.GetProperty("workflowId").GetGuid(), delivery.GetProperty("eventType").GetString()));
    }

    [Fact]
    public async Task RedeliverAsync_PastEvent_Is202AndStartsTheDispatcherOfItsWorkflow()
    {
        var (businessId, key) = await host.CreateBusinessAsync("Webhooks redeliver");
        var id = await Arrange.SubscriptionAsync(host, key);
        var workflow = await Arrange.WorkflowAsync(host, businessId, key);
        Assert.True(await Arrange.ActivateAsync(host, workflow, currentStep: 1));
        var eventId = await SingleEventIdAsync(id, key);
        await using var invocation = host.NewInvocation();
        invocation.Durable.KnowsNoInstances().AcceptsSchedules();

        var response = await FunctionInvocation.RunAsync(
            invocation.Request("POST", $"{Base}/{id}/deliveries/{eventId}/redeliver", apiKey: key),
            r => WebhookSubscriptionFunctions.RedeliverAsync(r, invocation.Client, id.ToString(), eventId.ToString()));

        Assert.Equal(202, response.Status);
        var scheduled = Assert.Single(invocation.Durable.Scheduled);
        Assert.Equal(WebhookDispatchOrchestration.Name, scheduled.Name.Name);
        Assert.Equal(WebhookDispatchOrchestration.InstanceIdOf(id, workflow.WorkflowId), scheduled.Options?.InstanceId);
        Assert.Equal((businessId, id, workflow.WorkflowId), Dispatch(scheduled));
    }

    private static (Guid, Guid, Guid) Dispatch(ScheduledOrchestration scheduled)
    {
        var input = Assert.IsType<WebhookDispatchInput>(scheduled.Input);
        return (input.BusinessId, input.SubscriptionId, input.WorkflowId);
    }

    private async Task SuspendAsync(Guid id, string key)
    {
        await using var invocation = host.NewInvocation();
        var response = await FunctionInvocation.RunAsync(
            invocation.Request("POST", $"{Base}/{id}/suspend", apiKey: key), r => WebhookSubscriptionFunctions.SuspendAsync(r, invocation.Client, id.ToString()));
        Assert.Equal(200, response.Status);
    }

    private async Task<Guid> SingleEventIdAsync(Guid id, string key)
    {
        await using var invocation = host.NewInvocation();
        var response = await FunctionInvocation.RunAsync(
            invocation.Request("GET", $"{Base}/{id}/deliveries", apiKey: key), r => WebhookSubscriptionFunctions.DeliveriesAsync(r, invocation.Client, id.ToString()));
        return Assert.Single(response.Json.EnumerateArray()).GetProperty("eventId").GetGuid();
    }
}
