using Azure.Core;
using Azure.Data.Tables;
using LinX.Durable.Storage;
using LinX.Durable.Worker;
using LinX.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LinX.Bench.Harness;

/// <summary>
/// The real local host in this process (real Kestrel on loopback, real storage, the embedded durable runtime),
/// with every storage request counted: the LinX tables through <see cref="Tables"/> (a counting
/// <see cref="TableServiceClient"/> registered before the host's own, which then steps aside), the durable
/// runtime through its <see cref="DurableStorageMetrics"/>.
/// </summary>
public sealed class InProcessHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessHost(WebApplication app, HostSettings settings, StorageRequestCounter tables)
    {
        _app = app;
        Settings = settings;
        Tables = tables;
        Durable = app.Services.GetRequiredService<DurableStorageMetrics>();
        Worker = app.Services.GetRequiredService<DurableWorker>();
        Api = new LinxHttp(settings.BaseUrl, settings.DemoApiKey);
    }

    public HostSettings Settings { get; }

    /// <summary>Requests to the LinX tables (workflows, link tokens, customers, notifications...).</summary>
    public StorageRequestCounter Tables { get; }

    /// <summary>Requests of the durable runtime (its instances table and queues).</summary>
    public DurableStorageMetrics Durable { get; }

    public DurableWorker Worker { get; }

    public LinxHttp Api { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Every storage request so far.</summary>
    public long StorageRequests => Tables.Requests + Durable.Requests;

    public static async Task<InProcessHost> StartAsync(HostSettings settings, LogLevel logLevel = LogLevel.Warning)
    {
        var tables = new StorageRequestCounter();
        var app = LinxLocalApplication.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings.Values);
            builder.Logging.SetMinimumLevel(logLevel);
            var options = new TableClientOptions();
            options.AddPolicy(tables.Policy, HttpPipelinePosition.PerRetry);
            builder.Services.AddSingleton(new TableServiceClient(settings.ConnectionString, options));
            builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        });
        await app.StartAsync();
        return new InProcessHost(app, settings, tables);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// The host is a part of the bench or test process, not its owner: no console lifetime, which would turn
    /// SIGTERM and Ctrl+C into "stop this host" and leave the process running. The process ends on the signal,
    /// and its own exit handlers stop what it started.
    /// </summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
