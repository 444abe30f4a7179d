using LinX.Testing;

namespace LinX.Infrastructure.Tests.Support;

/// <summary>One Azurite for all integration tests of this project; each test uses its own table prefix.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
