using LinX.Core.Workflows;

namespace LinX.Core.Tests.Workflows;

public sealed class CurrencyCatalogTests
{
    [Theory]
    [InlineData("USD", true, true)]
    [InlineData("CAD", true, true)]
    [InlineData("EUR", true, false)]
    [InlineData("usd", false, false)]
    [InlineData("US", false, false)]
    [InlineData("840", false, false)]
    public void IsWellFormedAndIsSupported_Code_Classifies(string code, bool wellFormed, bool supported)
    {
        Assert.Equal((wellFormed, supported), (CurrencyCatalog.IsWellFormed(code), CurrencyCatalog.IsSupported(code)));
    }
}
