using System.Diagnostics;
using LinX.Api.Http;
using LinX.Api.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LinX.Api.Health;

/// <summary>
/// The health endpoints, host-neutral like every LinX handler. <c>/health/live</c> runs no check: it answers 200 while
/// the process serves requests (restarting a process because storage is down cures nothing). <c>/health/ready</c> runs
/// the checks tagged <see cref="LinXHealthChecks.ReadyTag"/>, each within its registration's timeout, in the request's
/// services (on the Functions host that is the invocation's scope, holding its Durable client), and answers 200 when
/// none is Unhealthy, else 503. The body names each check with its status and duration, never an exception's text.
/// </summary>
public static partial class HealthEndpoints
{
    public const string LiveRoute = "/health/live";

    public const string ReadyRoute = "/health/ready";

    /// <summary><c>GET /health/live</c>: 200 Healthy, no checks.</summary>
    public static IResult Live(HttpContext http) => Answer(http, HealthStatus.Healthy, []);

    /// <summary><c>GET /health/ready</c>: 200 when every readiness check passes, 503 when one is Unhealthy.</summary>
    public static async Task<IResult> ReadyAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var registrations = http.RequestServices.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations
            .Where(r => r.Tags.Contains(LinXHealthChecks.ReadyTag))
            .ToList();
        if (registrations.Count == 0)
        {
            // Ready with nothing checked would be the old /health, Healthy while storage was down.
            throw new InvalidOperationException("No readiness check is registered: call AddHealthChecks().AddLinXReadinessChecks().");
        }

        var checks = await Task.WhenAll(registrations.Select(r => RunAsync(http, r)));
        return Answer(http, checks.Min(c => c.Status), checks);
    }

    private static async Task<CheckResult> RunAsync(HttpContext http, HealthCheckRegistration registration)
    {
        var started = Stopwatch.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        deadline.CancelAfter(registration.Timeout);
        HealthStatus status;
        try
        {
            var check = registration.Factory(http.RequestServices);
            status = (await check.CheckHealthAsync(new HealthCheckContext { Registration = registration }, deadline.Token)).Status;
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            // Whatever the failure, the dependency is not ready; which exception it was is for the log, by type only.
            var logger = http.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(HealthEndpoints).FullName!) ?? NullLogger.Instance;
            LogCheckFailed(logger, registration.Name, e.GetType().FullName ?? e.GetType().Name);
            status = registration.FailureStatus;
        }

        return new CheckResult(registration.Name, status, Stopwatch.GetElapsedTime(started));
    }

    private static IResult Answer(HttpContext http, HealthStatus status, IReadOnlyList<CheckResult> checks)
    {
        http.Response.Headers.CacheControl = "no-store";
        var body = new HealthAnswer(
            status.ToString(),
            [.. checks.Select(c => new HealthCheckAnswer(c.Name, c.Status.ToString(), (long)c.Duration.TotalMilliseconds))]);
        return Results.Json(body, ApiJson.Options, statusCode: status == HealthStatus.Unhealthy
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status200OK);
    }

    /// <summary>Documents a route of <see cref="Live"/> in the OpenAPI document.</summary>
    public static RouteHandlerBuilder DocumentedAsLiveness(this RouteHandlerBuilder builder) =>
        builder.WithSummary("Liveness")
            .WithDescription("200 while the process serves requests; runs no check. No key.")
            .Responds<HealthAnswer>(StatusCodes.Status200OK, "Healthy.")
            .RespondsProblem(StatusCodes.Status500InternalServerError, "A fault on LinX's side.");

    /// <summary>Documents a route of <see cref="ReadyAsync"/> in the OpenAPI document.</summary>
    public static RouteHandlerBuilder DocumentedAsReadiness(this RouteHandlerBuilder builder) =>
        builder.WithSummary("Readiness")
            .WithDescription("Runs the readiness checks (LinX's tables, the durable backend), each within its timeout: 200 when none is Unhealthy, else 503. The body names each check with its status and duration. No key.")
            .Responds<HealthAnswer>(StatusCodes.Status200OK, "Ready: no check is Unhealthy.")
            .Responds<HealthAnswer>(StatusCodes.Status503ServiceUnavailable, "Not ready: a check is Unhealthy.")
            .RespondsProblem(StatusCodes.Status500InternalServerError, "A fault on LinX's side.");

    [LoggerMessage(1, LogLevel.Warning, "Readiness check {Check} failed ({ExceptionType})")]
    private static partial void LogCheckFailed(ILogger logger, string check, string exceptionType);

    private sealed record CheckResult(string Name, HealthStatus Status, TimeSpan Duration);
}

/// <summary>The body of a health answer: the overall status and each check's.</summary>
public sealed record HealthAnswer(string Status, IReadOnlyList<HealthCheckAnswer> Checks);

/// <summary>One check of a health answer: its name, status (Healthy, Degraded, Unhealthy) and how long it took.</summary>
public sealed record HealthCheckAnswer(string Name, string Status, long DurationMs);
