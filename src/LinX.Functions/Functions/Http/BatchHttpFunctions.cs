using LinX.Api.Batches;
using LinX.Functions.Durable;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace LinX.Functions.Functions.Http;

/// <summary>HTTP triggers of the business's batch endpoints, one line each onto <see cref="BatchEndpoints"/>, with this invocation's Durable client bound.</summary>
public static class BatchHttpFunctions
{
    private const string Base = "api/linx/workflow-batches";

    [Function("CreateWorkflowBatch")]
    public static Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        BatchEndpoints.CreateAsync(req.BindDurableClient(client));

    [Function("ListWorkflowBatches")]
    public static Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        BatchEndpoints.ListAsync(req.BindDurableClient(client));

    [Function("GetWorkflowBatch")]
    public static Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base + "/{id}")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        BatchEndpoints.GetAsync(req.BindDurableClient(client), id);

    [Function("ListWorkflowBatchEntries")]
    public static Task<IResult> EntriesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base + "/{id}/entries")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        BatchEndpoints.EntriesAsync(req.BindDurableClient(client), id);

    [Function("CancelWorkflowBatch")]
    public static Task<IResult> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/cancel")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        BatchEndpoints.CancelAsync(req.BindDurableClient(client), id);
}
