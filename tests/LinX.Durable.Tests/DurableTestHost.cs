using LinX.Core.Orchestration;
using LinX.Durable.Hosting;
using LinX.Durable.Orchestration;
using LinX.Durable.Storage;
using LinX.Durable.Worker;
using LinX.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Durable.Tests;

/// <summary>The runtime built from a plain ServiceProvider (no generic host), on its own task hub.</summary>
public sealed class DurableTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private DurableTestHost(ServiceProvider provider)
    {
        _provider = provider;
        Client = provider.GetRequiredService<IOrchestrationClient>();
        Worker = provider.GetRequiredService<DurableWorker>();
        Probe = provider.GetRequiredService<Probe>();
    }

    public IOrchestrationClient Client { get; }

    public DurableWorker Worker { get; }

    public Probe Probe { get; }

    internal TaskHubStorage Storage => _provider.GetRequiredService<TaskHubStorage>();

    public static async Task<DurableTestHost> StartAsync(
        AzuriteFixture azurite, string taskHub, Action<DurableBuilder> register, Probe? probe = null, Action<DurableOptions>? tune = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(probe ?? new Probe());
        var builder = services.AddLinXDurable(o =>
        {
            o.ConnectionString = azurite.ConnectionString;
            o.TaskHub = taskHub;
            o.MinPollingInterval = TimeSpan.FromMilliseconds(10);
            o.MaxPollingInterval = TimeSpan.FromMilliseconds(200);
            o.ControlVisibilityTimeout = TimeSpan.FromSeconds(2);
            o.ActivityVisibilityTimeout = TimeSpan.FromSeconds(2);
            tune?.Invoke(o);
        });
        register(builder);
        var host = new DurableTestHost(services.BuildServiceProvider());
        await host.Worker.StartAsync(CancellationToken.None);
        return host;
    }

    public Task<OrchestrationInstance> WaitForCompletionAsync(string instanceId, TimeSpan? timeout = null) =>
        Poll.UntilAsync(
            () => Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true),
            i => i.IsCompleted,
            timeout ?? TimeSpan.FromSeconds(30),
            $"instance {instanceId} to finish");

    public Task<OrchestrationInstance> WaitForStatusAsync(string instanceId, OrchestrationStatus status) =>
        Poll.UntilAsync(
            () => Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true),
            i => i.RuntimeStatus == status,
            TimeSpan.FromSeconds(30),
            $"instance {instanceId} to be {status}");

    internal async Task<IReadOnlyList<HistoryEvent>> HistoryAsync(string instanceId) =>
        (await Storage.LoadAsync(instanceId, fresh: true, CancellationToken.None))?.History ?? [];

    /// <summary>Waits until the instance's history holds an event matching <paramref name="match"/>.</summary>
    internal Task WaitForHistoryAsync(string instanceId, Func<HistoryEvent, bool> match, string what) =>
        Poll.UntilAsync(async () => (await HistoryAsync(instanceId)).Any(match), TimeSpan.FromSeconds(30), what);

    public async ValueTask DisposeAsync()
    {
        await Worker.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
    }

    /// <summary>Abrupt stop, as a crash: no drain; in-flight messages reappear after their visibility timeout.</summary>
    public async ValueTask CrashAsync()
    {
        await Worker.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
