using System.Text.Json;
using LinX.Api.Http;
using LinX.Api.OpenApi;
using LinX.Api.Problems;
using LinX.Core;
using LinX.Core.Businesses;
using LinX.Core.Management;
using LinX.Core.Orchestration;
using Microsoft.DurableTask.Client;
using Microsoft.OpenApi;

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
        var instances = app.MapGroup(InstancesRoute).WithTags("Durable management").DocumentedAsBusinessApi();
        instances.MapGet("/{id}", StatusAsync).WithName("GetInstanceStatus")
            .WithSummary("Get an instance's status")
            .WithDescription("The orchestration instance of a workflow (its id is the workflow's), as Durable Functions' status API answers it. The history is not served.")
            .Responds<DurableStatusResponse>(StatusCodes.Status200OK, "The instance has finished.")
            .Responds<DurableStatusResponse>(StatusCodes.Status202Accepted, "The instance is still running; poll Location after Retry-After seconds.")
            .WithResponseHeader(StatusCodes.Status202Accepted, "Location", "This status URL, to poll.")
            .WithResponseHeader(StatusCodes.Status202Accepted, "Retry-After", "Seconds to wait before polling again.", JsonSchemaType.Integer)
            .RespondsProblem(StatusCodes.Status400BadRequest, "showHistory or showHistoryOutput asked for the history (HISTORY_NOT_SUPPORTED).")
            .RespondsNotFound("instance");
        instances.MapPost("/{id}/raiseEvent/{eventName}", RaiseEventAsync).WithName("RaiseInstanceEvent")
            .WithSummary("Raise an event to an instance")
            .WithDescription($"The only event is {WorkflowEvent.EventName}, and a business may raise only Cancel, Resend, or Extend (with newExpireAt): the same as the business API's cancel, resend and extend.")
            .ReadsJson<WorkflowEventRequest>($"The event is not {WorkflowEvent.EventName} (UNKNOWN_EVENT) or not one a business may raise (EVENT_NOT_ALLOWED), or the body is not JSON.")
            .RespondsAsInstanceCommand();
        instances.MapPost("/{id}/terminate", TerminateAsync).WithName("TerminateInstance")
            .WithSummary("Terminate an instance")
            .WithDescription("Cancels the workflow, as the business API's cancel does. Takes no body.")
            .RespondsAsInstanceCommand();
        instances.MapDelete("/{id}", PurgeAsync).WithName("PurgeInstanceHistory")
            .WithSummary("Purge an instance's history")
            .WithDescription("Deletes the finished instance's state and history from the task hub; the workflow's record stays.")
            .Responds<DurablePurgeResponse>(StatusCodes.Status200OK, "Purged.")
            .RespondsProblem(StatusCodes.Status404NotFound, "No such instance for this business, or it is still running.");
        return app;
    }

    // raiseEvent and terminate: 202 handed to the orchestrator; 409 when the customer won; 410 when the instance has ended.
    private static RouteHandlerBuilder RespondsAsInstanceCommand(this RouteHandlerBuilder builder) =>
        builder.RespondsEmpty(StatusCodes.Status202Accepted, "Handed to the orchestrator.")
            .RespondsNotFound("instance")
            .RespondsProblem(StatusCodes.Status409Conflict, "The customer has already accepted the workflow (WORKFLOW_ALREADY_ACCEPTED).")
            .RespondsProblem(StatusCodes.Status410Gone, "The instance has already ended.");

    private static Task<IResult> StatusAsync(
        HttpContext http, string id, DurableTaskClient client, bool? showInput = null, bool? showHistory = null, bool? showHistoryOutput = null) =>
        WithInstanceAsync(http, id, async (_, _) =>
        {
            if (showHistory == true || showHistoryOutput == true)
            {
                return ProblemResults.Validation(http, [new FieldError(
                    "query.showHistory", "History is not served: it is the engine's record, and it stays inside LinX.", ServiceErrorCodes.HistoryNotSupported)]);
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
                return ProblemResults.Validation(http, [new FieldError("route.eventName", $"The only event is {WorkflowEvent.EventName}.", ServiceErrorCodes.UnknownEvent)]);
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
                    "$.kind", "A business may raise only Cancel, Resend, or Extend (with newExpireAt).", ServiceErrorCodes.EventNotAllowed)),
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
            ? ProblemResults.Problem(http, StatusCodes.Status410Gone, ServiceErrorCodes.WorkflowNotActive, "The instance has already ended.", result.Errors)
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
