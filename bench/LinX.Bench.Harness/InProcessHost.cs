using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using LinX.Local;
using LinX.Local.Durable;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.DurableTask.Worker.Hosting;
using Microsoft.Extensions.Logging;

namespace LinX.Bench.Harness;

/// <summary>
/// The real local host in this process (real Kestrel on loopback, real storage, the Durable Task engine on its Azure
/// Storage backend), with every storage request counted: the LinX tables through <see cref="Tables"/> (a counting
/// <see cref="TableServiceClient"/> registered before the host's own, which then steps aside), the engine's (its task
/// hub's tables, queues and blobs) through <see cref="Engine"/> (a counting <see cref="StorageAccountClientProvider"/>
/// that the sidecar uses instead of its own).
/// </summary>
public sealed class InProcessHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessHost(WebApplication app, HostSettings settings, StorageRequestCounter tables, StorageRequestCounter engine)
    {
        _app = app;
        Settings = settings;
        Tables = tables;
        Engine = engine;
        Worker = app.Services.GetServices<IHostedService>().OfType<DurableTaskWorker>().Single();
        Api = new LinxHttp(settings.BaseUrl, settings.DemoApiKey, settings.Security);
    }

    public HostSettings Settings { get; }

    /// <summary>Requests to the LinX tables (workflows, link tokens, customers, notifications...).</summary>
    public StorageRequestCounter Tables { get; }

    /// <summary>Requests of the Durable Task engine: its task hub's tables, queues and blob containers.</summary>
    public StorageRequestCounter Engine { get; }

    /// <summary>The host's Durable Task worker (stopping it stops the engine's dispatching, not the client).</summary>
    public DurableTaskWorker Worker { get; }

    public LinxHttp Api { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Every storage request so far.</summary>
    public long StorageRequests => Tables.Requests + Engine.Requests;

    public static async Task<InProcessHost> StartAsync(HostSettings settings, LogLevel logLevel = LogLevel.Warning)
    {
        var tables = new StorageRequestCounter();
        var engine = new StorageRequestCounter();
        var app = LinxLocalApplication.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings.Values);
            builder.Logging.SetMinimumLevel(logLevel);
            var options = new TableClientOptions();
            options.AddPolicy(tables.Policy, HttpPipelinePosition.PerRetry);
            builder.Services.AddSingleton(new TableServiceClient(settings.ConnectionString, options));
            builder.Services.AddSingleton(EngineClients(settings.ConnectionString, engine));
            builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        });
        await app.StartAsync();
        return new InProcessHost(app, settings, tables, engine);
    }

    /// <summary>The engine's storage clients with <paramref name="engine"/> counting every request they send.</summary>
    public static StorageAccountClientProvider EngineClients(string connectionString, StorageRequestCounter engine)
    {
        var blobs = new BlobClientOptions();
        blobs.AddPolicy(engine.Policy, HttpPipelinePosition.PerRetry);
        var queues = new QueueClientOptions();
        queues.AddPolicy(engine.Policy, HttpPipelinePosition.PerRetry);
        var tables = new TableClientOptions();
        tables.AddPolicy(engine.Policy, HttpPipelinePosition.PerRetry);
        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(connectionString, blobs),
            StorageServiceClientProvider.ForQueue(connectionString, queues),
            StorageServiceClientProvider.ForTable(connectionString, tables));
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
