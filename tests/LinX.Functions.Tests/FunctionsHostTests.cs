namespace LinX.Functions.Tests;

/// <summary>The tests that share one <see cref="FunctionsHostFixture"/> (one Azurite, one seeded demo business).</summary>
[CollectionDefinition(Name)]
public sealed class FunctionsHostTests : ICollectionFixture<FunctionsHostFixture>
{
    public const string Name = "FunctionsHost";
}
