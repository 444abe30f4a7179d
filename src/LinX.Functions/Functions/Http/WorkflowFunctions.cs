using LinX.Api.Workflows;
using LinX.Functions.Durable;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace LinX.Functions.Functions.Http;

/// <summary>
/// HTTP triggers of the business's workflow endpoints, one line each onto <see cref="WorkflowEndpoints"/>. Each binds
/// this invocation's Durable client: <c>WorkflowService</c> schedules the orchestration and raises its events, and
/// takes the client even where a handler only reads.
/// </summary>
public static class WorkflowFunctions
{
    private const string Base = "api/linx/workflows";

    [Function("CreateWorkflow")]
    public static Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        WorkflowEndpoints.CreateAsync(req.BindDurableClient(client));

    [Function("SearchWorkflows")]
    public static Task<IResult> SearchAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        WorkflowEndpoints.SearchAsync(req.BindDurableClient(client));

    [Function("GetWorkflow")]
    public static Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base + "/{id}")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        WorkflowEndpoints.GetAsync(req.BindDurableClient(client), id);

    [Function("CancelWorkflow")]
    public static Task<IResult> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/cancel")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        WorkflowEndpoints.CancelAsync(req.BindDurableClient(client), id);

    [Function("ResendWorkflow")]
    public static Task<IResult> ResendAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/resend")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        WorkflowEndpoints.ResendAsync(req.BindDurableClient(client), id);

    [Function("NewWorkflowPasscode")]
    public static Task<IResult> NewPasscodeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/new-passcode")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        WorkflowEndpoints.NewPasscodeAsync(req.BindDurableClient(client), id);

    [Function("ExtendWorkflow")]
    public static Task<IResult> ExtendAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/extend")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        WorkflowEndpoints.ExtendAsync(req.BindDurableClient(client), id);

    [Function("GetWorkflowNotifications")]
    public static Task<IResult> NotificationsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base + "/{id}/notifications")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        WorkflowEndpoints.NotificationsAsync(req.BindDurableClient(client), id);
}
