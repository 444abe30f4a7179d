using System.Text.Json;
using LinX.Core.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using LinX.Testing;

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
                Port = Ports.Free(),
                ConfigureServices = services =>
                {
                    configureServices(services);
                    services.AddSingleton<DataConverter>(WebJson);
                },
            });
}
