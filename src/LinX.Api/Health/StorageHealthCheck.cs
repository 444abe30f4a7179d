using LinX.Core.Businesses;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LinX.Api.Health;

/// <summary>
/// Ready when LinX's table storage answers: a point read of a business that cannot exist (the empty id; an unknown id is
/// never cached, so every probe reaches storage), through the same client, retries and deadline as every other call.
/// </summary>
public sealed class StorageHealthCheck(IBusinessStore businesses) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await businesses.GetAsync(Guid.Empty, cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
