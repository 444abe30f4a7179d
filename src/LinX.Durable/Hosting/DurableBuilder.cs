using LinX.Core.Orchestration;
using LinX.Durable.Orchestration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LinX.Durable.Hosting;

/// <summary>Registers orchestrators and activities with the durable runtime.</summary>
public sealed class DurableBuilder
{
    internal DurableBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }

    /// <summary>Registers an orchestrator function; its output is stored as JSON.</summary>
    public DurableBuilder AddOrchestrator<TOutput>(string name, Func<IOrchestrationContext, Task<TOutput>> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(run);
        Services.AddSingleton(new OrchestratorRegistration(name, async context => DurableJson.Serialize(await run(context), typeof(TOutput))));
        return this;
    }

    /// <summary>Registers an activity; it is resolved from a new DI scope for every execution.</summary>
    public DurableBuilder AddActivity<TActivity, TInput, TOutput>(string name)
        where TActivity : class, IActivity<TInput, TOutput>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Services.TryAddTransient<TActivity>();
        Services.AddSingleton(new ActivityRegistration(name, async (provider, input, cancellationToken) =>
        {
            var activity = provider.GetRequiredService<TActivity>();
            var output = await activity.RunAsync(DurableJson.Deserialize<TInput>(input)!, cancellationToken);
            return DurableJson.Serialize(output, typeof(TOutput));
        }));
        return this;
    }
}
