using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;

namespace LinX.Local.Durable;

/// <summary>
/// The Durable Task engine of the local host: the SDK's gRPC sidecar service (<see cref="TaskHubGrpcServer"/>) over the
/// Durable Task Framework's Azure Storage backend, served in this process on a Unix domain socket that only this
/// process knows (no port to find free or to expose). The host's Durable Task worker and client talk to it through
/// <see cref="Channel"/>. Starts before the worker and stops after it.
/// </summary>
public sealed class DurableTaskSidecar : IHostedService, IAsyncDisposable
{
    private readonly IOptions<DurableTaskHubOptions> _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly StorageAccountClientProvider? _clients;
    private readonly string _socketPath = Path.Combine(Path.GetTempPath(), $"linx-dt-{Environment.ProcessId}-{Guid.NewGuid():N}.sock");
    private AzureStorageOrchestrationService? _service;
    private IHost? _server;

    /// <param name="options">The task hub.</param>
    /// <param name="loggerFactory">Where the engine logs.</param>
    /// <param name="clients">
    /// Replaces the storage clients made from the connection string when registered (a managed identity, or clients
    /// with extra pipeline policies such as the benchmarks' request counter).
    /// </param>
    public DurableTaskSidecar(IOptions<DurableTaskHubOptions> options, ILoggerFactory loggerFactory, StorageAccountClientProvider? clients = null)
    {
        _options = options;
        _loggerFactory = loggerFactory;
        _clients = clients;
        Channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { ConnectCallback = ConnectAsync },
            LoggerFactory = loggerFactory,
        });
    }

    /// <summary>The channel the worker and the client use.</summary>
    public GrpcChannel Channel { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var service = new AzureStorageOrchestrationService(Settings(_options.Value, _loggerFactory, _clients));
        await service.CreateIfNotExistsAsync();
        _service = service;

        var server = new HostBuilder()
            .ConfigureWebHost(web => web
                .UseKestrel(kestrel => kestrel.ListenUnixSocket(_socketPath, listen => listen.Protocols = HttpProtocols.Http2))
                .ConfigureServices(services =>
                {
                    services.AddSingleton(_loggerFactory);
                    services.AddGrpc();
                    services.AddSingleton<IOrchestrationService>(service);
                    services.AddSingleton<IOrchestrationServiceClient>(service);
                    services.AddSingleton<TaskHubGrpcServer>();
                })
                .Configure(app => app.UseRouting().UseEndpoints(endpoints => endpoints.MapGrpcService<TaskHubGrpcServer>())))
            .Build();
        await server.StartAsync(cancellationToken);
        _server = server;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
        {
            await server.StopAsync(cancellationToken);
        }

        // Releases this host's partition leases, so that another host takes them over at once, not when they expire:
        // the sidecar's own stop of the backend runs fire-and-forget (TaskHubGrpcServer.OnApplicationStopping is async
        // void) and may not finish before the process ends.
        if (_service is { } service)
        {
            try
            {
                await service.StopAsync(isForced: false);
            }
            catch (NullReferenceException)
            {
                // DurableTask.AzureStorage 2.11.2 throws this when the backend never started (no worker had connected).
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Channel.Dispose();
        _server?.Dispose();
        File.Delete(_socketPath);
        return ValueTask.CompletedTask;
    }

    /// <summary>The name a host's worker has in the hub's partition leases: <c>{machine}-{process id}</c>.</summary>
    public static string WorkerIdOf(int processId) => $"{Environment.MachineName}-{processId}";

    /// <summary>The backend's settings: the hub's names and the local host's tuning (ADR 0010).</summary>
    private static AzureStorageOrchestrationServiceSettings Settings(
        DurableTaskHubOptions options, ILoggerFactory loggerFactory, StorageAccountClientProvider? clients)
    {
        return new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = clients ?? new StorageAccountClientProvider(options.ConnectionString),
            TaskHubName = options.TaskHub,
            PartitionCount = options.PartitionCount,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            LeaseInterval = options.LeaseInterval,
            LeaseRenewInterval = options.LeaseRenewInterval,
            LeaseAcquireInterval = options.LeaseRenewInterval,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,
            WorkerId = WorkerIdOf(Environment.ProcessId),
            LoggerFactory = loggerFactory,
        };
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
