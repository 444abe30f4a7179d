using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using LinX.Core.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Infrastructure.Tests.Support;

/// <summary>
/// The Durable Task SDK's own engine in process: <see cref="DurableTaskTestHost"/> runs the SDK's worker (replay,
/// timers, retries, the real <see cref="TaskOrchestrationContext"/>) and gRPC client against the Durable Task
/// Framework's in-memory backend, on a free loopback port, with LinX's orchestrators and activities. Payloads are Web
/// JSON, as in the hosts. The Azure Storage backend itself is LinX.Local's and is tested there.
/// </summary>
internal static class DurableEngine
{
    private static readonly JsonDataConverter WebJson = new(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Starts the engine; <paramref name="configureServices"/> registers what the activities need.</summary>
    public static Task<DurableTaskTestHost> StartAsync(Action<IServiceCollection> configureServices) =>
        DurableTaskTestHost.StartAsync(
            tasks => tasks.AddLinXTasks(),
            new DurableTaskTestHostOptions
            {
                Port = FreePort(),
                ConfigureServices = services =>
                {
                    configureServices(services);
                    services.AddSingleton<DataConverter>(WebJson);
                },
            });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
