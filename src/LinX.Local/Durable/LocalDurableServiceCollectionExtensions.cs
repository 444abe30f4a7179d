using System.Text.Json;
using LinX.Core.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.Options;

namespace LinX.Local.Durable;

/// <summary>Registration of the local host's Durable Task engine, worker and client.</summary>
public static class LocalDurableServiceCollectionExtensions
{
    /// <summary>
    /// Payloads (inputs, outputs, events, custom status) in Web JSON (camelCase), the same JSON the Functions host's
    /// worker serializer writes, so both hosts store and show the same documents.
    /// </summary>
    private static readonly JsonDataConverter Converter = new(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>
    /// Adds <see cref="DurableTaskSidecar"/> (options <c>LinX:Durable</c>, validated at start), the Durable Task worker
    /// with LinX's orchestrators and activities, and the <see cref="DurableTaskClient"/> the application services use.
    /// </summary>
    public static IServiceCollection AddLinXDurableTask(this IServiceCollection services) =>
        services.AddDurableTaskEngine(tasks => tasks.AddLinXTasks());

    /// <summary>The same engine, worker and client with other orchestrators and activities (the bare-engine benchmark).</summary>
    public static IServiceCollection AddDurableTaskEngine(this IServiceCollection services, Action<DurableTaskRegistry> tasks)
    {
        services.AddOptions<DurableTaskHubOptions>().BindConfiguration(DurableTaskHubOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DurableTaskSidecar>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableTaskSidecar>());

        services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(tasks);
            worker.UseGrpc();
            worker.Configure(options => options.DataConverter = Converter);
        });
        services.AddOptions<DurableTaskWorkerOptions>().Configure<IOptions<DurableTaskHubOptions>>((options, hub) =>
        {
            options.Concurrency.MaximumConcurrentActivityWorkItems = hub.Value.MaxConcurrentActivities;
            options.Concurrency.MaximumConcurrentOrchestrationWorkItems = hub.Value.MaxConcurrentOrchestrations;
        });
        services.AddOptions<GrpcDurableTaskWorkerOptions>().Configure<DurableTaskSidecar>((options, sidecar) => options.Channel = sidecar.Channel);

        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc();
            client.RegisterDirectly();
            client.Configure(options => options.DataConverter = Converter);
        });
        services.AddOptions<GrpcDurableTaskClientOptions>().Configure<DurableTaskSidecar>((options, sidecar) => options.Channel = sidecar.Channel);
        return services;
    }
}
