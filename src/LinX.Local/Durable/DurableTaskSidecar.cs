using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using LinX.Api.Problems;
using LinX.Infrastructure.Storage;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;

namespace LinX.Local.Durable;

/// <summary>
/// The Durable Task engine of the local host: the SDK's gRPC sidecar service (<see cref="TaskHubGrpcServer"/>) over the
/// Durable Task Framework's Azure Storage backend, served in this process on a Unix domain socket that only this
/// process knows (no port to find free or to expose). The host's Durable Task worker and client talk to it through
/// <see cref="Channel"/>. Starts before the worker and stops after it. The backend's storage calls have the deadline of
/// <c>LinX:Storage</c> (<see cref="LinXStorageOptions.ApplyTo"/>), and a call it cannot serve because storage failed
/// answers gRPC Unavailable, not Unknown, so that the client's caller can tell "retry later" from a bug.
/// </summary>
public sealed class DurableTaskSidecar : IHostedService, IAsyncDisposable
{
    private readonly IOptions<DurableTaskHubOptions> _options;
    private readonly IOptions<LinXStorageOptions> _storage;
    private readonly ILoggerFactory _loggerFactory;
    private readonly StorageAccountClientProvider? _clients;
    private readonly string _socketPath = Path.Combine(Path.GetTempPath(), $"linx-dt-{Environment.ProcessId}-{Guid.NewGuid():N}.sock");
    private readonly WorkerConnection _worker = new();
    private AzureStorageOrchestrationService? _service;
    private IHost? _server;

    /// <param name="options">The task hub.</param>
    /// <param name="storage">The deadline of every storage call (the connection string is the hub's own).</param>
    /// <param name="loggerFactory">Where the engine logs.</param>
    /// <param name="clients">
    /// Replaces the storage clients made from the connection string when registered (a managed identity, or clients
    /// with extra pipeline policies such as the benchmarks' request counter).
    /// </param>
    public DurableTaskSidecar(
        IOptions<DurableTaskHubOptions> options, IOptions<LinXStorageOptions> storage, ILoggerFactory loggerFactory, StorageAccountClientProvider? clients = null)
    {
        _options = options;
        _storage = storage;
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
        var clients = _clients ?? Clients(_options.Value.ConnectionString, _storage.Value);
        var service = new AzureStorageOrchestrationService(Settings(_options.Value, _loggerFactory, clients));
        await service.CreateIfNotExistsAsync();
        _service = service;

        // Its own lifetime: this server stops when the local host stops it (StopAsync, after the worker), never on a signal.
        var server = new HostBuilder()
            .ConfigureServices(services => services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>())
            .ConfigureWebHost(web => web
                .UseKestrel(kestrel => kestrel.ListenUnixSocket(_socketPath, listen => listen.Protocols = HttpProtocols.Http2))
                .ConfigureServices(services =>
                {
                    services.AddSingleton(_loggerFactory);
                    services.AddSingleton(_worker);
                    services.AddGrpc(grpc => grpc.Interceptors.Add<StorageFaultInterceptor>());
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
        // The backend first, awaited: it releases this host's partition leases, so that another host takes them over at
        // once. Forced: the worker has stopped already (it stops before the sidecar), so no session will finish, and an
        // unforced stop waited for each open one's idle timeout, past the host's 30 s shutdown. The server's stop then
        // stops the sidecar's dispatcher, whose own stop of the backend (in an async void handler,
        // TaskHubGrpcServer.OnApplicationStopping) finds it stopped, which is idempotent. Stopped the other way round, the
        // two stops raced (DurableTask.AzureStorage's AppLeaseManager.StopAsync is not thread-safe) and the handler's
        // NullReferenceException ended the process before it stopped Azurite.
        if (_service is { } service)
        {
            try
            {
                await service.StopAsync(isForced: true);
            }
            catch (NullReferenceException)
            {
                // DurableTask.AzureStorage 2.11.2 throws this when the backend never started (no worker had connected).
            }
        }

        // If no worker ever connected, the dispatcher never started the backend, and its stop would throw in that
        // handler: then the server is only disposed.
        if (_server is { } server && _worker.Connected)
        {
            await server.StopAsync(cancellationToken);
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
        DurableTaskHubOptions options, ILoggerFactory loggerFactory, StorageAccountClientProvider clients)
    {
        return new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = clients,
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

    /// <summary>
    /// The backend's blob, queue and table clients with the storage deadline: without it a frozen storage held each of
    /// its calls, and the request waiting on it, for the Azure SDK's default of 100 s per try.
    /// </summary>
    private static StorageAccountClientProvider Clients(string connectionString, LinXStorageOptions storage) => new(
        StorageServiceClientProvider.ForBlob(connectionString, storage.ApplyTo(new BlobClientOptions())),
        StorageServiceClientProvider.ForQueue(connectionString, storage.ApplyTo(new QueueClientOptions())),
        StorageServiceClientProvider.ForTable(connectionString, storage.ApplyTo(new TableClientOptions())));

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

    /// <summary>
    /// Turns a storage fault of the backend (<see cref="ExceptionProblems.IsDependencyFault"/>) into gRPC Unavailable for
    /// the client's calls (start, raise, query, ...): the sidecar lets the backend's exceptions escape, which gRPC answers
    /// as Unknown, the status of a bug. Not for the worker's completions and abandons: the worker reads Unavailable as
    /// "the sidecar is gone" and backs off all its work, which stalled the partition takeover of a killed host.
    /// </summary>
    private sealed class StorageFaultInterceptor(WorkerConnection worker) : Interceptor
    {
        public override Task ServerStreamingServerHandler<TRequest, TResponse>(
            TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
        {
            // The worker's work-item stream: from now on the sidecar's dispatcher runs (it starts on this call).
            worker.Connected |= context.Method.EndsWith("/GetWorkItems", StringComparison.Ordinal);
            return continuation(request, responseStream, context);
        }

        public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            try
            {
                return await continuation(request, context);
            }
            catch (Exception e) when (e is not RpcException && IsClientCall(context.Method) && ExceptionProblems.IsDependencyFault(e, context.CancellationToken))
            {
                throw new RpcException(new Status(StatusCode.Unavailable, "The task hub's storage is unavailable."));
            }
        }

        private static bool IsClientCall(string method)
        {
            var name = method[(method.LastIndexOf('/') + 1)..];
            return !name.StartsWith("Complete", StringComparison.Ordinal) && !name.StartsWith("Abandon", StringComparison.Ordinal);
        }
    }

    /// <summary>Whether a worker has opened its work-item stream (set by the interceptor, read when stopping).</summary>
    private sealed class WorkerConnection
    {
        private volatile bool _connected;

        public bool Connected
        {
            get => _connected;
            set => _connected = value;
        }
    }
}
