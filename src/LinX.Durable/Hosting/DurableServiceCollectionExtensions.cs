using LinX.Core.Orchestration;
using LinX.Durable.Client;
using LinX.Durable.Orchestration;
using LinX.Durable.Storage;
using LinX.Durable.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LinX.Durable.Hosting;

/// <summary>Registration of the embedded durable runtime.</summary>
public static class DurableServiceCollectionExtensions
{
    /// <summary>
    /// Adds the runtime with options bound from configuration section <c>LinX:Durable</c>, validated at
    /// start: <see cref="IOrchestrationClient"/>, and <see cref="DurableWorker"/> as a hosted service.
    /// </summary>
    public static DurableBuilder AddLinXDurable(this IServiceCollection services)
    {
        services.AddOptions<DurableOptions>().BindConfiguration(DurableOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return AddCore(services);
    }

    /// <summary>Adds the runtime with options set in code (tests, tools).</summary>
    public static DurableBuilder AddLinXDurable(this IServiceCollection services, Action<DurableOptions> configure)
    {
        services.AddOptions<DurableOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        return AddCore(services);
    }

    private static DurableBuilder AddCore(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DurableStorageMetrics>();
        services.TryAddSingleton<DurableSignals>();
        services.TryAddSingleton(sp => new TaskHubStorage(
            sp.GetRequiredService<IOptions<DurableOptions>>(), sp.GetRequiredService<DurableStorageMetrics>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new DurableRegistry(
            sp.GetServices<OrchestratorRegistration>(), sp.GetServices<ActivityRegistration>()));
        services.TryAddSingleton(sp => new DurableOrchestrationClient(
            sp.GetRequiredService<TaskHubStorage>(), sp.GetRequiredService<DurableSignals>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IOrchestrationClient>(sp => sp.GetRequiredService<DurableOrchestrationClient>());
        services.TryAddSingleton(sp => new DurableWorker(
            sp.GetRequiredService<TaskHubStorage>(),
            sp.GetRequiredService<DurableRegistry>(),
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<DurableSignals>(),
            sp.GetRequiredService<IOptions<DurableOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        if (!services.Any(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationFactory?.Method.ReturnType == typeof(DurableWorker)))
        {
            services.AddHostedService(sp => sp.GetRequiredService<DurableWorker>());
        }

        return new DurableBuilder(services);
    }
}
