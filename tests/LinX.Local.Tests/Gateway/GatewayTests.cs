namespace LinX.Local.Tests.Gateway;

/// <summary>
/// The browser tests' collection: one host (with an adjustable clock) and one Chromium for all of them. They run one
/// after another, alongside the other collections.
/// </summary>
[CollectionDefinition(Name)]
public sealed class GatewayTests : ICollectionFixture<GatewayHostFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Gateway";
}
