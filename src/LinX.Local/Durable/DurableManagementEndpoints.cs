using System.Text.Json;
using LinX.Api.Http;
using LinX.Api.Problems;
using LinX.Core;
using LinX.Core.Businesses;
using LinX.Core.Management;
using LinX.Core.Orchestration;
using Microsoft.DurableTask.Client;

namespace LinX.Local.Durable;

/// <summary>
/// The Durable Functions HTTP management API on the local host: the same routes, status codes and bodies
/// (<c>/runtime/webhooks/durabletask/instances/{id}</c>: GET status, POST raiseEvent/terminate, DELETE purge).
/// Unlike Durable Functions' system key, access needs the business's API key and is tenant-checked: another
/// business's instance is 404. Events and termination go through <see cref="WorkflowService"/>, so a business can
/// only cancel, resend or extend, never impersonate its customer, and the workflow record stays consistent.
/// </summary>
public static class DurableManagementEndpoints
{
    public const string InstancesRoute = "/runtime/webhooks/durabletask/instances";

    public static IEndpointRouteBuilder MapDurableManagement(this IEndpointRouteBuilder app)
    {
        var instances = app.MapGroup(InstancesRoute).WithTags("Durable management");
        instances.MapGet("/{id}", StatusAsync);
        instances.MapPost("/{id}/raiseEvent/{eventName}", RaiseEventAsync);
        instances.MapPost("/{id}/terminate", TerminateAsync);
        instances.MapDelete("/{id}", PurgeAsync);
        return app;
    }

    private static Task<IResult> StatusAsync(
        HttpContext http, string id, DurableTaskClient client, bool? showInput = null, bool? showHistory = null, bool? showHistoryOutput = null) =>
        WithInstanceAsync(http, id, async (_, _) =>
        {
            if (showHistory == true || showHistoryOutput == true)
            {
                return ProblemResults.Validation(http, [new FieldError(
                    "query.showHistory", "History is not served: it is the engine's record, and it stays inside LinX.", "HISTORY_NOT_SUPPORTED")]);
            }

            if (await client.GetInstanceAsync(id, getInputsAndOutputs: true, http.RequestAborted) is not { } instance)
            {
                return ProblemResults.NotFound(http, "No such instance.");
            }

            var body = DurableStatusResponse.From(instance, showInput != false);
            if (!instance.IsRunning)
            {
                return Results.Json(body, ApiJson.Options);
            }

            http.Response.Headers.Location = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}";
            http.Response.Headers.RetryAfter = "10";
            return Results.Json(body, ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
        });

    private static Task<IResult> RaiseEventAsync(HttpContext http, string id, string eventName, WorkflowService workflows) =>
        WithInstanceAsync(http, id, async (business, workflowId) =>
        {
            if (!string.Equals(eventName, WorkflowEvent.EventName, StringComparison.OrdinalIgnoreCase))
            {
                return ProblemResults.Validation(http, [new FieldError("route.eventName", $"The only event is {WorkflowEvent.EventName}.", "UNKNOWN_EVENT")]);
            }

            var read = await RequestBody.ReadJsonAsync(http);
            if (read.Problem is not null)
            {
                return read.Problem;
            }

            var body = read.Bytes;

            var result = ReadBusinessEvent(body) switch
            {
                { Kind: WorkflowEventKind.Cancel } => await workflows.CancelAsync(business, workflowId, http.RequestAborted),
                { Kind: WorkflowEventKind.Resend } => await workflows.ResendAsync(business, workflowId, http.RequestAborted),
                { Kind: WorkflowEventKind.Extend, NewExpireAt: { } at } =>
                    await workflows.ExtendAsync(business, workflowId, new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)), null, http.RequestAborted),
                _ => ServiceResult.Fail<WorkflowCommandAccepted>(ServiceOutcome.Invalid, new FieldError(
                    "$.kind", "A business may raise only Cancel, Resend, or Extend (with newExpireAt).", "EVENT_NOT_ALLOWED")),
            };
            return ToAccepted(http, result);
        });

    private static Task<IResult> TerminateAsync(HttpContext http, string id, WorkflowService workflows) =>
        WithInstanceAsync(http, id, async (business, workflowId) =>
            ToAccepted(http, await workflows.CancelAsync(business, workflowId, http.RequestAborted)));

    private static Task<IResult> PurgeAsync(HttpContext http, string id, DurableTaskClient client) =>
        WithInstanceAsync(http, id, async (_, _) =>
            (await client.PurgeInstanceAsync(id, cancellation: http.RequestAborted)).PurgedInstanceCount > 0
                ? Results.Json(new { instancesDeleted = 1 }, ApiJson.Options)
                : ProblemResults.NotFound(http, "No such instance, or it is still running."));

    // Durable Functions answers 410 Gone for events to, or termination of, an instance that has ended. A cancel that lost
    // to the customer's acceptance has not ended anything: it stays the 409 it is.
    private static IResult ToAccepted(HttpContext http, ServiceResult<WorkflowCommandAccepted> result) =>
        result.Outcome == ServiceOutcome.Conflict && result.Errors is not [{ ErrorCode: ServiceErrorCodes.WorkflowAlreadyAccepted }]
            ? ProblemResults.Problem(http, StatusCodes.Status410Gone, "INSTANCE_ENDED", "The instance has already ended.", result.Errors)
            : ServiceResults.ToHttp(http, result, _ => Results.Accepted());

    private static WorkflowEvent? ReadBusinessEvent(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize<WorkflowEvent>(body.Span, ApiJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task<IResult> WithInstanceAsync(HttpContext http, string id, Func<Business, Guid, Task<IResult>> handle) =>
        BusinessAuthentication.RunAsync(http, async business =>
        {
            var workflows = http.RequestServices.GetRequiredService<WorkflowService>();
            return RouteIds.Parse(id) is { } workflowId
                   && (await workflows.GetAsync(business, workflowId, http.RequestAborted)).IsSuccess
                ? await handle(business, workflowId)
                : ProblemResults.NotFound(http, "No such instance.");
        });
}
