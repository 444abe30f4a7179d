using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using LinX.Core.Businesses;
using LinX.Core.Security;
using LinX.Infrastructure.Storage;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LinX.Infrastructure.Tests.Storage;

/// <summary>The API key store on Azurite: rows written before keys were listed, the order of its writes, last-used throttling.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ApiKeyStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AuthenticateAsync_LegacyRowWithBusinessIdOnly_StillAuthenticates()
    {
        // Arrange: a row as the store wrote them before this change: PK = hash, RK empty, BusinessId only.
        var (storage, store, business) = await StoreAsync();
        var key = ApiKeyAuthenticator.NewApiKey();
        await storage.ApiKeys.AddEntityAsync(new TableEntity(Hashing.Sha256Hex(key), string.Empty) { ["BusinessId"] = business.BusinessId });
        var authenticator = new ApiKeyAuthenticator(store, new TableBusinessStore(storage, TimeProvider.System), new FakeTimeProvider(Start));

        // Act
        var authenticated = await authenticator.AuthenticateAsync(key, CancellationToken.None);
        var lookup = await store.FindAsync(Hashing.Sha256Hex(key), CancellationToken.None);

        // Assert
        Assert.Equal(business.BusinessId, authenticated?.BusinessId);
        Assert.Equal(new ApiKeyLookup(business.BusinessId, null, null, null), lookup);
    }

    [Fact]
    public async Task RevokeUnlistedAsync_LegacyRows_RevokesTheBusinesssOnly()
    {
        // Arrange
        var (storage, store, business) = await StoreAsync();
        var other = Guid.NewGuid();
        var legacy = Hashing.Sha256Hex(ApiKeyAuthenticator.NewApiKey());
        var othersLegacy = Hashing.Sha256Hex(ApiKeyAuthenticator.NewApiKey());
        await storage.ApiKeys.AddEntityAsync(new TableEntity(legacy, string.Empty) { ["BusinessId"] = business.BusinessId });
        await storage.ApiKeys.AddEntityAsync(new TableEntity(othersLegacy, string.Empty) { ["BusinessId"] = other });
        var listed = NewKey(business.BusinessId, out _);
        await store.CreateAsync(listed, CancellationToken.None);

        // Act
        var revoked = await store.RevokeUnlistedAsync(business.BusinessId, Start, CancellationToken.None);

        // Assert
        Assert.Equal(1, revoked);
        Assert.False((await store.FindAsync(legacy, CancellationToken.None))!.IsUsableAt(Start));
        Assert.True((await store.FindAsync(othersLegacy, CancellationToken.None))!.IsUsableAt(Start));
        Assert.True((await store.FindAsync(listed.KeyHash, CancellationToken.None))!.IsUsableAt(Start));
    }

    [Fact]
    public async Task CreateAsync_ThenRevoke_ListsTheKeyAndItStopsWorking()
    {
        // Arrange
        var (_, store, business) = await StoreAsync();
        var key = NewKey(business.BusinessId, out _);
        await store.CreateAsync(key, CancellationToken.None);
        var usableBefore = (await store.FindAsync(key.KeyHash, CancellationToken.None))!.IsUsableAt(Start);

        // Act
        await store.UpdateLifetimeAsync(key with { RevokedAt = Start }, CancellationToken.None);

        // Assert
        Assert.True(usableBefore);
        Assert.False((await store.FindAsync(key.KeyHash, CancellationToken.None))!.IsUsableAt(Start));
        var listed = Assert.Single(await store.ListAsync(business.BusinessId, CancellationToken.None));
        Assert.Equal((key.KeyId, key.Name, key.Prefix, (DateTimeOffset?)Start), (listed.KeyId, listed.Name, listed.Prefix, listed.RevokedAt));
        Assert.Empty(await store.ListAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task CreateAsync_LookupRowWriteFails_KeyIsListedButDoesNotWork()
    {
        // Arrange: the second write (the lookup row, PK = the key's hash) fails, as a crash between the two would.
        var key = NewKey(Guid.NewGuid(), out _);
        var (store, faults) = await FaultyStoreAsync(key.KeyHash);

        // Act
        await Assert.ThrowsAsync<RequestFailedException>(() => store.CreateAsync(key, CancellationToken.None));

        // Assert: listed (so an admin sees and revokes it), and not usable.
        faults.Off();
        Assert.Equal(key.KeyId, Assert.Single(await store.ListAsync(key.BusinessId, CancellationToken.None)).KeyId);
        Assert.Null(await store.FindAsync(key.KeyHash, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateLifetimeAsync_ListingRowWriteFails_KeyHasStoppedWorkingAlready()
    {
        // Arrange: the revoke's second write (the listing row, PK = the business) fails.
        var key = NewKey(Guid.NewGuid(), out _);
        var (store, faults) = await FaultyStoreAsync(key.BusinessId.ToString("D"));
        faults.Off();
        await store.CreateAsync(key, CancellationToken.None);
        faults.On();

        // Act
        await Assert.ThrowsAsync<RequestFailedException>(() => store.UpdateLifetimeAsync(key with { RevokedAt = Start }, CancellationToken.None));

        // Assert
        faults.Off();
        Assert.False((await store.FindAsync(key.KeyHash, CancellationToken.None))!.IsUsableAt(Start));
    }

    [Fact]
    public async Task RecordUseAsync_WithinTheWriteInterval_WritesOncePerIntervalPerKey()
    {
        // Arrange
        var (_, store, business) = await StoreAsync();
        var key = NewKey(business.BusinessId, out _);
        await store.CreateAsync(key, CancellationToken.None);

        // Act
        await store.RecordUseAsync(business.BusinessId, key.KeyId, Start, CancellationToken.None);
        await store.RecordUseAsync(business.BusinessId, key.KeyId, Start.AddMinutes(1), CancellationToken.None);
        var withinInterval = await LastUsedAsync(store, key);
        await store.RecordUseAsync(business.BusinessId, key.KeyId, Start + TableApiKeyStore.UsageWriteInterval, CancellationToken.None);
        var afterInterval = await LastUsedAsync(store, key);

        // Assert
        Assert.Equal(Start, withinInterval);
        Assert.Equal(Start + TableApiKeyStore.UsageWriteInterval, afterInterval);
    }

    [Fact]
    public async Task AuthenticateAsync_ManyRequestsWithinTheInterval_WritesLastUsedOnce()
    {
        // Arrange
        var (storage, store, business) = await StoreAsync();
        var key = NewKey(business.BusinessId, out var plain);
        await store.CreateAsync(key, CancellationToken.None);
        var writes = new WriteCounter();
        var counted = new TableApiKeyStore(new TableStorage(TableClients.With(azurite.ConnectionString, writes, HttpPipelinePosition.PerCall), storage.Names));
        var time = new FakeTimeProvider(Start);
        var authenticator = new ApiKeyAuthenticator(counted, new TableBusinessStore(storage, time), time);

        // Act
        for (var i = 0; i < 20; i++)
        {
            Assert.NotNull(await authenticator.AuthenticateAsync(plain, CancellationToken.None));
            time.Advance(TimeSpan.FromSeconds(10));
        }

        // Assert: 20 requests over 200 s, one write.
        Assert.Equal(1, writes.Count);
        Assert.Equal(Start, await LastUsedAsync(store, key));
    }

    private static async Task<DateTimeOffset?> LastUsedAsync(TableApiKeyStore store, BusinessApiKey key) =>
        (await store.GetAsync(key.BusinessId, key.KeyId, CancellationToken.None))!.LastUsedAt;

    private static BusinessApiKey NewKey(Guid businessId, out string plain)
    {
        plain = ApiKeyAuthenticator.NewApiKey();
        return BusinessApiKey.For(plain, Guid.NewGuid(), businessId, "ci", Start, null);
    }

    private async Task<(TableStorage Storage, TableApiKeyStore Store, Business Business)> StoreAsync()
    {
        var storage = new TableStorage(new TableServiceClient(azurite.ConnectionString), Names);
        await storage.CreateTablesAsync(CancellationToken.None);
        var business = new Business(Guid.NewGuid(), "Keys Inc", Start);
        await new TableBusinessStore(storage, TimeProvider.System).UpsertAsync(business, CancellationToken.None);
        return (storage, new TableApiKeyStore(storage), business);
    }

    private async Task<(TableApiKeyStore Store, FailWrites Faults)> FaultyStoreAsync(string partitionKey)
    {
        var faults = new FailWrites(partitionKey);
        var storage = new TableStorage(TableClients.With(azurite.ConnectionString, faults, HttpPipelinePosition.PerCall), Names);
        await storage.CreateTablesAsync(CancellationToken.None);
        return (new TableApiKeyStore(storage), faults);
    }

    private static readonly TableNames Names = new(AzuriteFixture.UniqueName("keys"));

    /// <summary>Fails every write to one partition while on.</summary>
    private sealed class FailWrites(string partitionKey) : HttpPipelinePolicy
    {
        private volatile bool _on = true;

        public void On() => _on = true;

        public void Off() => _on = false;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The store is asynchronous.");

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            _on && message.Request.Method != RequestMethod.Get && Uri.UnescapeDataString(message.Request.Uri.ToString()).Contains($"PartitionKey='{partitionKey}'", StringComparison.Ordinal)
                ? throw new RequestFailedException(503, "Injected fault.")
                : ProcessNextAsync(message, pipeline);
    }

    /// <summary>Counts the writes (anything but reads and table creation).</summary>
    private sealed class WriteCounter : HttpPipelinePolicy
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The store is asynchronous.");

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Method != RequestMethod.Get)
            {
                Interlocked.Increment(ref _count);
            }

            return ProcessNextAsync(message, pipeline);
        }
    }
}
