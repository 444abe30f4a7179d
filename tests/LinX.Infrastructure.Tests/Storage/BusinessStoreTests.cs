using LinX.Core.Businesses;
using LinX.Infrastructure.Storage;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LinX.Infrastructure.Tests.Storage;

[Collection(AzuriteGroup.Name)]
public sealed class BusinessStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetAsync_AgainWithinThirtySeconds_ReadsNothingThenReadsAgainAfter()
    {
        // Arrange
        var (store, reads, time, business) = await StoreAsync();
        Assert.Equal(business, await store.GetAsync(business.BusinessId, CancellationToken.None));
        reads.Reset();

        // Act
        var cached = await store.GetAsync(business.BusinessId, CancellationToken.None);
        var readWhileCached = reads.Read;
        time.Advance(TimeSpan.FromSeconds(31));
        var fresh = await store.GetAsync(business.BusinessId, CancellationToken.None);

        // Assert
        Assert.Equal(business, cached);
        Assert.Equal(0, readWhileCached);
        Assert.Equal(business, fresh);
        Assert.Equal(1, reads.Read);
    }

    [Fact]
    public async Task GetAsync_UnknownThenCreated_FindsItAtOnce()
    {
        // Arrange
        var (store, _, _, business) = await StoreAsync(upsert: false);
        Assert.Null(await store.GetAsync(business.BusinessId, CancellationToken.None));

        // Act
        await new TableBusinessStore(StorageOf(new TableReadCounter()), TimeProvider.System).UpsertAsync(business, CancellationToken.None);

        // Assert: an unknown id is never cached.
        Assert.Equal(business, await store.GetAsync(business.BusinessId, CancellationToken.None));
    }

    private async Task<(TableBusinessStore Store, TableReadCounter Reads, FakeTimeProvider Time, Business Business)> StoreAsync(bool upsert = true)
    {
        var reads = new TableReadCounter();
        var storage = StorageOf(reads);
        await storage.Businesses.CreateIfNotExistsAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new TableBusinessStore(storage, time);
        var business = new Business(Guid.NewGuid(), "Cached Business", DateTimeOffset.UnixEpoch);
        if (upsert)
        {
            await new TableBusinessStore(storage, TimeProvider.System).UpsertAsync(business, CancellationToken.None);
        }

        return (store, reads, time, business);
    }

    private TableStorage StorageOf(TableReadCounter reads) => new(reads.Client(azurite.ConnectionString), Names);

    private static readonly TableNames Names = new(AzuriteFixture.UniqueName("biz"));
}
