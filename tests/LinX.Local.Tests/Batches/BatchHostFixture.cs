using LinX.Core.Batches;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Local.Tests.Batches;

/// <summary>
/// The real local host with a batch rate slow enough to cancel a batch mid-way (5 workflows a second, chunks of 5).
/// </summary>
public sealed class BatchHostFixture : LocalHostFixture
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.Configure<BatchOptions>(options =>
        {
            options.WorkflowsPerSecond = 5;
            options.ChunkSize = 5;
        });
    }
}

[CollectionDefinition(Name)]
public sealed class BatchHostTests : ICollectionFixture<BatchHostFixture>
{
    public const string Name = "BatchHost";
}
