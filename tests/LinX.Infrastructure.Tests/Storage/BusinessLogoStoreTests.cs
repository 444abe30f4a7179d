using Azure.Data.Tables;
using LinX.Core.Businesses;
using LinX.Infrastructure.Storage;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;

namespace LinX.Infrastructure.Tests.Storage;

[Collection(AzuriteGroup.Name)]
public sealed class BusinessLogoStoreTests(AzuriteFixture azurite)
{
    private static readonly TableNames Names = new(AzuriteFixture.UniqueName("logo"));

    [Fact]
    public async Task PutGetDelete_LargestLogo_RoundTripsItsBytesThenIsGone()
    {
        // Arrange
        var storage = await StorageAsync();
        var store = new TableBusinessLogoStore(storage);
        var businessId = Guid.NewGuid();
        var image = TestImages.Png(16, 16, padTo: LogoImage.MaxBytes);
        var logo = BusinessLogo.Of(LogoImage.Png, image);

        // Act
        await store.PutAsync(businessId, logo, image, CancellationToken.None);
        await store.PutAsync(businessId, logo, image, CancellationToken.None);
        var stored = await store.GetAsync(businessId, logo.Sha256, CancellationToken.None);
        var otherBusiness = await store.GetAsync(Guid.NewGuid(), logo.Sha256, CancellationToken.None);
        await store.DeleteAsync(businessId, logo.Sha256, CancellationToken.None);
        await store.DeleteAsync(businessId, logo.Sha256, CancellationToken.None);

        // Assert
        Assert.Equal(LogoImage.MaxBytes, image.Length);
        Assert.Equal(image, stored!.Content.ToArray());
        Assert.Equal(LogoImage.Png, stored.ContentType);
        Assert.Null(otherBusiness);
        Assert.Null(await store.GetAsync(businessId, logo.Sha256, CancellationToken.None));
    }

    [Fact]
    public async Task SetLogoThenUpdateProfile_FreshRead_HasBothAndTheAccentColour()
    {
        // Arrange
        var storage = await StorageAsync();
        var business = new Business(Guid.NewGuid(), "Logo Keeper", DateTimeOffset.UnixEpoch);
        await new TableBusinessStore(storage, TimeProvider.System).UpsertAsync(business, CancellationToken.None);
        var logo = new BusinessLogo(new string('b', 64), LogoImage.WebP);
        var profile = new BusinessProfile("Keeper", "help@example.com", null, null, null, null, "UTC", "en", "#1A5FB4");

        // Act
        var writer = new TableBusinessStore(storage, TimeProvider.System);
        await writer.SetLogoAsync(business.BusinessId, logo, CancellationToken.None);
        await writer.UpdateProfileAsync(business.BusinessId, profile, CancellationToken.None);
        var read = await new TableBusinessStore(storage, TimeProvider.System).GetAsync(business.BusinessId, CancellationToken.None);
        var removed = await writer.SetLogoAsync(business.BusinessId, null, CancellationToken.None);

        // Assert
        Assert.Equal(logo, read!.Logo);
        Assert.Equal(profile, read.Profile);
        Assert.Null(removed!.Logo);
        Assert.Null((await new TableBusinessStore(storage, TimeProvider.System).GetAsync(business.BusinessId, CancellationToken.None))!.Logo);
        Assert.Null(await writer.SetLogoAsync(Guid.NewGuid(), logo, CancellationToken.None));
    }

    private async Task<TableStorage> StorageAsync()
    {
        var storage = new TableStorage(new TableServiceClient(azurite.ConnectionString), Names);
        await storage.CreateTablesAsync(CancellationToken.None);
        return storage;
    }
}
