using Microsoft.Extensions.Hosting;

namespace LinX.Infrastructure.Storage;

/// <summary>Creates the LinX tables if missing when the host starts.</summary>
internal sealed class TableInitializer : IHostedService
{
    private readonly TableStorage _storage;

    public TableInitializer(TableStorage storage)
    {
        _storage = storage;
    }

    public Task StartAsync(CancellationToken cancellationToken) => _storage.CreateTablesAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
