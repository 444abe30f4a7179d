using Microsoft.Extensions.DependencyInjection;
using LinX.Core.Security;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinX.Core.Workflows;
using LinX.Functions.Functions;
using LinX.Functions.Functions.Http;

namespace LinX.Functions.Tests;

/// <summary>A workflow made through the <c>CreateWorkflow</c> function.</summary>
public sealed record CreatedWorkflow(Guid WorkflowId, Guid BusinessId, string Token, string? Passcode, DateTimeOffset ExpireAt, IReadOnlyList<string> Steps);

/// <summary>Arranges state the way the host's own functions make it: through the functions, each in its own invocation.</summary>
public static class Arrange
{
    /// <summary>The seed document's request <paramref name="number"/> (1 to 4), verbatim, optionally with <c>passcode: true</c>.</summary>
    public static string Seed(int number, bool passcode = false)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", $"seed-{number}.json"));
        if (!passcode)
        {
            return json;
        }

        var node = JsonNode.Parse(json)!.AsObject();
        node["passcode"] = true;
        return node.ToJsonString();
    }

    /// <summary>Posts a seed request through <see cref="WorkflowFunctions.CreateAsync"/> (the Durable schedule accepted).</summary>
    public static async Task<CreatedWorkflow> WorkflowAsync(FunctionsHostFixture host, Guid businessId, string apiKey, int seed = 1, bool passcode = false)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var invocation = host.NewInvocation();
        invocation.Durable.AcceptsSchedules();
        var request = invocation.Request("POST", "/api/linx/workflows", Seed(seed, passcode), apiKey);
        var response = await FunctionInvocation.RunAsync(request, r => WorkflowFunctions.CreateAsync(r, invocation.Client));
        Assert.Equal(202, response.Status);
        var body = response.Json;
        Assert.False(body.TryGetProperty("link", out _), "The create answer must not carry the customer's link.");
        var workflowId = body.GetProperty("workflowId").GetGuid();
        var steps = JsonNode.Parse(Seed(seed))!["steps"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
        return new CreatedWorkflow(
            workflowId,
            businessId,
            host.Services.GetRequiredService<LinXCrypto>().LinkToken(workflowId),
            body.GetProperty("passcode").ValueKind == JsonValueKind.String ? body.GetProperty("passcode").GetString() : null,
            body.GetProperty("expireAt").GetDateTimeOffset(),
            steps);
    }

    /// <summary>
    /// Moves the workflow row to ACTIVE on step <paramref name="currentStep"/> (earlier steps COMPLETED) through the
    /// <c>UpdateWorkflowStatus</c> activity function, as the orchestrator does after the SMS went out.
    /// </summary>
    public static async Task<bool> ActivateAsync(FunctionsHostFixture host, CreatedWorkflow workflow, int currentStep, long version = 1)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(workflow);
        await using var invocation = host.NewInvocation();
        invocation.Durable.KnowsNoInstances().AcceptsSchedules();
        return await UpdateWorkflowStatusFunction.RunAsync(Update(workflow, currentStep, version), invocation.Client, invocation.FunctionContext());
    }

    /// <summary>The orchestrator's snapshot of <paramref name="workflow"/> on step <paramref name="currentStep"/>.</summary>
    public static WorkflowStatusUpdate Update(CreatedWorkflow workflow, int currentStep, long version)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var steps = workflow.Steps
            .Select((name, index) => new StepState(name, index < currentStep ? StepStatus.Completed : index == currentStep ? StepStatus.Active : StepStatus.Created))
            .ToList();
        return new WorkflowStatusUpdate(
            workflow.BusinessId, workflow.WorkflowId, version, WorkflowStatus.Active, currentStep, steps, workflow.ExpireAt,
            null, null, null, null, null, null, null, null);
    }

    /// <summary>Creates a webhook subscription to every workflow update through its function; returns its id.</summary>
    public static async Task<Guid> SubscriptionAsync(FunctionsHostFixture host, string apiKey, string url = "https://hooks.example.test/linx")
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var invocation = host.NewInvocation();
        var body = JsonSerializer.Serialize(new { url, eventTypes = new[] { "linx.workflow-updated" }, description = "tests" });
        var response = await FunctionInvocation.RunAsync(
            invocation.Request("POST", "/api/linx/webhook-subscriptions", body, apiKey),
            r => WebhookSubscriptionFunctions.CreateAsync(r, invocation.Client));
        Assert.Equal(201, response.Status);
        return response.Json.GetProperty("id").GetGuid();
    }
}
