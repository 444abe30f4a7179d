using LinX.Core.Businesses;
using LinX.Core.Gateway;

namespace LinX.Core.Tests.Gateway;

public sealed class GatewayBrandTests
{
    [Fact]
    public void Of_BusinessWithoutProfile_IsItsNameInUtcAndTheRestNull()
    {
        var business = new Business(Guid.NewGuid(), "Acme Ltd", DateTimeOffset.UnixEpoch);

        Assert.Equal(new GatewayBrand("Acme Ltd", null, null, null, null, null, null, null, "UTC"), GatewayBrand.Of(business));
    }

    [Fact]
    public void Of_BusinessWithProfileAndLogo_IsTheProfileWithTheLogosRelativeUrl()
    {
        var id = Guid.NewGuid();
        var logo = new BusinessLogo(new string('a', 64), LogoImage.Png);
        var business = new Business(id, "Acme Ltd", DateTimeOffset.UnixEpoch)
        {
            Profile = new BusinessProfile(
                "Acme", "help@example.com", "+14165550100", "https://example.com", "https://example.com/t", "https://example.com/p",
                "America/Toronto", "fr-CA", "#1A5FB4"),
            Logo = logo,
        };

        Assert.Equal(
            new GatewayBrand(
                "Acme", $"/linx/brand/{id}/logo/{logo.Sha256}", "#1A5FB4", "help@example.com", "+14165550100", "https://example.com",
                "https://example.com/t", "https://example.com/p", "America/Toronto"),
            GatewayBrand.Of(business));
    }
}
