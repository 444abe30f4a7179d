using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LinX.Api.Health;

/// <summary>
/// Ready when the durable backend answers: the status of an instance that is never started, read through the host's
/// Durable client (LinX.Local: its sidecar over the task hub's storage; Functions: the Durable extension).
/// </summary>
public sealed class DurableBackendHealthCheck(DurableTaskClient client) : IHealthCheck
{
    /// <summary>The instance id the probe asks for; no workflow has it (theirs are GUIDs).</summary>
    public const string ProbeInstanceId = "linx-health-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await client.GetInstanceAsync(ProbeInstanceId, getInputsAndOutputs: false, cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
