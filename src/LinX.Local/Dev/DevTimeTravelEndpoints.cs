using LinX.Api.Http;
using LinX.Api.Problems;
using LinX.Core;
using LinX.Core.Management;
using LinX.Core.Orchestration;

namespace LinX.Local.Dev;

/// <summary>
/// Local time travel, Development only: <c>POST /dev/workflows/{id}/remind-now</c> sends the workflow's next reminder now
/// and <c>POST /dev/workflows/{id}/expire-now</c> expires it now, so that neither needs a day's wait. The business's API
/// key is required and another business's workflow is 404, as on <c>/api/linx/workflows</c>. Each raises
/// <see cref="WorkflowEventKind.RemindNow"/> or <see cref="WorkflowEventKind.ExpireNow"/>, which only orchestrations
/// created with <see cref="LinXOptions.DevTimeTravel"/> honour: the routes are the convenience, the orchestrator the guard.
/// </summary>
public static class DevTimeTravelEndpoints
{
    public const string RemindNowRoute = "/dev/workflows/{id}/remind-now";

    public const string ExpireNowRoute = "/dev/workflows/{id}/expire-now";

    /// <summary>Keeps <see cref="LinXOptions.DevTimeTravel"/> off outside Development, whatever the settings say.</summary>
    public static IServiceCollection AddLinXDevTimeTravel(this IServiceCollection services) =>
        services.AddOptions<LinXOptions>().PostConfigure<IHostEnvironment>((options, environment) => options.DevTimeTravel &= environment.IsDevelopment()).Services;

    public static IEndpointRouteBuilder MapDevTimeTravel(this IEndpointRouteBuilder app)
    {
        app.MapPost(RemindNowRoute, (HttpContext http, string id) => TravelAsync(http, id, WorkflowEventKind.RemindNow)).ExcludeFromDescription();
        app.MapPost(ExpireNowRoute, (HttpContext http, string id) => TravelAsync(http, id, WorkflowEventKind.ExpireNow)).ExcludeFromDescription();
        return app;
    }

    /// <summary>202 as cancel and resend answer; 404 for an unknown or another business's workflow; 409 when it has ended or ignores time travel.</summary>
    private static Task<IResult> TravelAsync(HttpContext http, string id, WorkflowEventKind kind) =>
        BusinessAuthentication.RunAsync(http, async business =>
            RouteIds.Parse(id) is { } workflowId
                ? ServiceResults.ToHttp(
                    http,
                    await http.RequestServices.GetRequiredService<WorkflowService>().TimeTravelAsync(business, workflowId, kind, http.RequestAborted),
                    accepted => Results.Json(accepted, ApiJson.Options, statusCode: StatusCodes.Status202Accepted))
                : ProblemResults.NotFound(http, "No such workflow."));
}
