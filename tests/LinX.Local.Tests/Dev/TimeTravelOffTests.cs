using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LinX.Core;
using LinX.Core.Businesses;
using LinX.Core.Management;
using LinX.Core.Orchestration;
using LinX.Infrastructure.Demo;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Local.Tests.Dev;

/// <summary>
/// Outside Development (the in-process host's environment): no time-travel routes, and a workflow created there ignores
/// time-travel events even when they reach its orchestration, as Durable Functions' raiseEvent would let them.
/// </summary>
[Collection(LocalHostTests.Name)]
public sealed class TimeTravelOffTests(LocalHostFixture host)
{
    [Theory]
    [InlineData("remind-now")]
    [InlineData("expire-now")]
    public async Task TimeTravelRoute_OutsideDevelopment_Is404(string travel)
    {
        var workflowId = await DevInbox.CreateWorkflowAsync(host, host.Business);

        using var response = await host.Business.PostAsync($"/dev/workflows/{workflowId}/{travel}", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TimeTravelAsync_WorkflowCreatedWithoutTimeTravel_IsRefusedAndRaisesNothing()
    {
        // Arrange: the service behind the routes, on a workflow this host created (without the flag in its input).
        var workflowId = await DevInbox.CreateWorkflowAsync(host, host.Business);
        await using var scope = host.Services.CreateAsyncScope();
        var business = await scope.ServiceProvider.GetRequiredService<IBusinessStore>().GetAsync(DemoData.BusinessId, CancellationToken.None);

        // Act
        var result = await scope.ServiceProvider.GetRequiredService<WorkflowService>()
            .TimeTravelAsync(business!, Guid.Parse(workflowId), WorkflowEventKind.ExpireNow, CancellationToken.None);

        // Assert
        Assert.Equal(ServiceOutcome.Conflict, result.Outcome);
        Assert.Equal(ServiceErrorCodes.TimeTravelNotAllowed, Assert.Single(result.Errors).ErrorCode);
        var workflow = await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{workflowId}");
        Assert.Equal("ACTIVE", workflow.GetProperty("status").GetString());
    }

    [Fact]
    public async Task WorkflowCreatedWithoutTimeTravel_TimeTravelEventsRaisedOnItsOrchestration_AreIgnored()
    {
        // Arrange
        var workflowId = await DevInbox.CreateWorkflowAsync(host, host.Business);
        var orchestrations = host.Services.GetRequiredService<DurableTaskClient>();

        // Act: both events straight to the orchestration, then a resend through the API: once the resend's SMS is
        // recorded, the orchestrator has handled the two events raised before it.
        await orchestrations.RaiseEventAsync(workflowId, WorkflowEvent.EventName, WorkflowEvent.RemindNow());
        await orchestrations.RaiseEventAsync(workflowId, WorkflowEvent.EventName, WorkflowEvent.ExpireNow());
        using var resend = await host.Business.PostAsync($"/api/linx/workflows/{workflowId}/resend", null);
        var history = await Testing.Poll.UntilAsync(
            async () => await host.Business.GetFromJsonAsync<JsonElement[]>($"/api/linx/workflows/{workflowId}/notifications"),
            h => h.Length >= 2,
            CustomerScript.Deadline,
            "the resend's notification");

        // Assert: no reminder, no expiry: still open on its step.
        Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
        Assert.Equal(["INITIAL", "MANUAL"], history.Select(n => n.GetProperty("origin").GetString()));
        var workflow = await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{workflowId}");
        Assert.Equal(("ACTIVE", "ACTIVE"), (workflow.GetProperty("status").GetString(), workflow.GetProperty("steps")[1].GetProperty("status").GetString()));
    }
}
