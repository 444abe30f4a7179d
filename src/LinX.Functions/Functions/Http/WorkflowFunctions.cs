using LinX.Api.Workflows;
using LinX.Functions.Orchestration;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace LinX.Functions.Functions.Http;

/// <summary>
/// HTTP triggers of the business's workflow endpoints, one line each onto <see cref="WorkflowEndpoints"/>. The
/// commands schedule an orchestration or raise an event, so they first bind this invocation's Durable client to
/// <see cref="InvocationOrchestrationClient"/> (the <see cref="LinX.Core.Orchestration.IOrchestrationClient"/> the
/// services resolve from the same invocation scope); the reads need no client.
/// </summary>
public sealed class WorkflowFunctions
{
    private readonly InvocationOrchestrationClient _orchestrations;

    public WorkflowFunctions(InvocationOrchestrationClient orchestrations) => _orchestrations = orchestrations;

    [Function("CreateWorkflow")]
    public Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/linx/workflows")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        WorkflowEndpoints.CreateAsync(Bind(req, client));

    [Function("SearchWorkflows")]
    public static Task<IResult> SearchAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/linx/workflows")] HttpRequest req) =>
        WorkflowEndpoints.SearchAsync(req.HttpContext);

    [Function("GetWorkflow")]
    public static Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/linx/workflows/{id}")] HttpRequest req, string id) =>
        WorkflowEndpoints.GetAsync(req.HttpContext, id);

    [Function("CancelWorkflow")]
    public Task<IResult> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/linx/workflows/{id}/cancel")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        WorkflowEndpoints.CancelAsync(Bind(req, client), id);

    [Function("ResendWorkflow")]
    public Task<IResult> ResendAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/linx/workflows/{id}/resend")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        WorkflowEndpoints.ResendAsync(Bind(req, client), id);

    [Function("ExtendWorkflow")]
    public Task<IResult> ExtendAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/linx/workflows/{id}/extend")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        WorkflowEndpoints.ExtendAsync(Bind(req, client), id);

    [Function("GetWorkflowNotifications")]
    public static Task<IResult> NotificationsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/linx/workflows/{id}/notifications")] HttpRequest req, string id) =>
        WorkflowEndpoints.NotificationsAsync(req.HttpContext, id);

    private HttpContext Bind(HttpRequest req, DurableTaskClient client)
    {
        _orchestrations.Use(client);
        return req.HttpContext;
    }
}
