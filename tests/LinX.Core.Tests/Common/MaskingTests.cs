using LinX.Core.Common;

namespace LinX.Core.Tests.Common;

public sealed class MaskingTests
{
    [Fact]
    public void Phone_KeepsCountryAreaAndLastTwo() => Assert.Equal("+1647*****67", Masking.Phone("+16471234567"));

    [Fact]
    public void Email_KeepsFirstLastAndDomain() => Assert.Equal("j******e@example.com", Masking.Email("john.doe@example.com"));

    [Fact]
    public void DeterministicId_SameNameSameId_OtherNameOtherId()
    {
        var scope = Guid.NewGuid();

        Assert.Equal(DeterministicId.From(scope, "a"), DeterministicId.From(scope, "a"));
        Assert.NotEqual(DeterministicId.From(scope, "a"), DeterministicId.From(scope, "b"));
    }
}
