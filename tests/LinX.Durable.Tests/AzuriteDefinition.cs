using LinX.Testing;

namespace LinX.Durable.Tests;

/// <summary>One Azurite for all storage tests; each test uses its own task hub.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteDefinition : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
