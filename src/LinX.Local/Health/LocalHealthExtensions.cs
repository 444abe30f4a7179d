using LinX.Api.Health;
using LinX.Api.Problems;
using Microsoft.AspNetCore.Http.Timeouts;

namespace LinX.Local.Health;

/// <summary>
/// What keeps the local host answering when its storage does not: the readiness checks behind <c>/health/ready</c>, and
/// a deadline on every request (<c>LinX:RequestTimeout</c>) that answers 503 SERVICE_UNAVAILABLE with <c>Retry-After</c>,
/// not 504, since the caller should retry as after any other storage fault.
/// </summary>
public static partial class LocalHealthExtensions
{
    // The middleware logs each timeout at Warning with the cancellation's stack; under a hung storage that is every
    // request. Its Errors stay; the timeout itself is logged once, without a stack, by LogRequestDeadlinePassed.
    private const string TimeoutMiddlewareCategory = "Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutsMiddleware";

    /// <summary>The setting of the request deadline (a time span, one second to five minutes).</summary>
    public const string RequestTimeoutKey = "LinX:RequestTimeout";

    /// <summary>The request deadline without the setting: seconds, not the minutes a frozen storage used to hold a request.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Adds the readiness checks (<see cref="LinXHealthChecks.AddLinXReadinessChecks"/>) and the request deadline (validated at start).</summary>
    public static IServiceCollection AddLinXLocalHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddLinXReadinessChecks();
        services.AddRequestTimeouts();
        services.AddLogging(logging => logging.AddFilter(TimeoutMiddlewareCategory, LogLevel.Error));
        services.AddOptions<RequestTimeoutOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                var timeout = configuration.GetValue(RequestTimeoutKey, DefaultRequestTimeout);
                options.DefaultPolicy = new RequestTimeoutPolicy
                {
                    Timeout = timeout,
                    TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
                    WriteTimeoutResponse = http =>
                    {
                        LogRequestDeadlinePassed(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalHealthExtensions).FullName!), timeout);
                        return ProblemResults.ServiceUnavailable(http, ExceptionProblems.RetryAfter).ExecuteAsync(http);
                    },
                };
            })
            .Validate(
                options => options.DefaultPolicy?.Timeout is { } timeout && timeout >= TimeSpan.FromSeconds(1) && timeout <= TimeSpan.FromMinutes(5),
                RequestTimeoutKey + " must be between one second and five minutes.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Maps <c>/health/live</c>, <c>/health/ready</c> and <c>/health</c> (an alias of ready, the URL probes already use):
    /// no key, never rate limited, and not under the request deadline (each check has its own, shorter).
    /// </summary>
    public static IEndpointRouteBuilder MapLinXHealth(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup(string.Empty).WithTags("Health").DisableRateLimiting();
        health.DisableRequestTimeout();
        // Cast: a method group returning Task<IResult> would bind to RequestDelegate and its result would never run.
        health.MapGet(HealthEndpoints.LiveRoute, (Func<HttpContext, IResult>)HealthEndpoints.Live).WithName("GetLiveness").DocumentedAsLiveness();
        health.MapGet(HealthEndpoints.ReadyRoute, (Func<HttpContext, Task<IResult>>)HealthEndpoints.ReadyAsync).WithName("GetReadiness").DocumentedAsReadiness();
        health.MapGet("/health", (Func<HttpContext, Task<IResult>>)HealthEndpoints.ReadyAsync).WithName("GetHealth").DocumentedAsReadiness();
        return app;
    }

    [LoggerMessage(1, LogLevel.Warning, "The request deadline of {Timeout} passed; answered 503")]
    private static partial void LogRequestDeadlinePassed(ILogger logger, TimeSpan timeout);
}
