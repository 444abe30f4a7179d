using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LinX.Api.Health;

/// <summary>The readiness checks both hosts run (<see cref="HealthEndpoints.ReadyAsync"/>): storage and the durable backend.</summary>
public static class LinXHealthChecks
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    public const string Storage = "storage";

    public const string DurableBackend = "durable";

    /// <summary>
    /// How long a check may take before it counts as Unhealthy: a probe must answer well within a load balancer's or
    /// orchestrator's own probe timeout, whatever the storage deadline is.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>Adds <see cref="StorageHealthCheck"/> and <see cref="DurableBackendHealthCheck"/>, tagged <see cref="ReadyTag"/>.</summary>
    public static IHealthChecksBuilder AddLinXReadinessChecks(this IHealthChecksBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddCheck<StorageHealthCheck>(Storage, HealthStatus.Unhealthy, [ReadyTag], Timeout)
            .AddCheck<DurableBackendHealthCheck>(DurableBackend, HealthStatus.Unhealthy, [ReadyTag], Timeout);
    }
}
