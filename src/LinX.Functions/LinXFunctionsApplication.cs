using LinX.Api.Health;
using LinX.Functions.Problems;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LinX.Functions;

/// <summary>Builds the Functions host: used by <c>Program</c> and by the composition test, which builds it without running it.</summary>
public static class LinXFunctionsApplication
{
    /// <summary>
    /// The isolated worker with the ASP.NET Core integration (HTTP triggers on <c>HttpRequest</c>/<c>IResult</c>) and
    /// LinX (<see cref="LinXFunctionsServiceCollectionExtensions.AddLinXFunctions"/>, reading the builder's configuration),
    /// the readiness checks of <c>/health/ready</c>, and <see cref="ExceptionProblemsMiddleware"/> (storage faults of HTTP
    /// functions answer 503).
    /// <paramref name="configure"/> runs before LinX's registrations (which are TryAdd where a test may want its own),
    /// so configuration it adds chooses them too.
    /// </summary>
    public static IHost Create(string[] args, Action<FunctionsApplicationBuilder>? configure = null)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        // After the ASP.NET Core integration's own middleware, so that an HTTP function's HttpContext is there to answer on.
        builder.UseMiddleware<ExceptionProblemsMiddleware>();
        configure?.Invoke(builder);
        builder.Services.AddLinXFunctions(builder.Configuration);
        builder.Services.AddHealthChecks().AddLinXReadinessChecks();
        return builder.Build();
    }
}
