using Microsoft.Extensions.Hosting;

namespace LinX.Local.Durable;

/// <summary>
/// The lifetime of a host that is a part of another one, which owns it: no console lifetime, which would turn SIGTERM and
/// Ctrl+C into "stop this host" alone. The sidecar's gRPC server uses it (the local host stops it, after the worker), and
/// so does a bench or test process's embedded local host (the process ends on the signal, and its exit handlers stop what
/// it started).
/// </summary>
public sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
