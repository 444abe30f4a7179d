using LinX.Core.Workflows;

namespace LinX.Core.Tests.Workflows;

public sealed class PlainDecimalTests
{
    [Theory]
    [InlineData("2", "2")]
    [InlineData("256.25", "256.25")]
    [InlineData("-1", "-1")]
    [InlineData("007", "7")]
    public void TryParse_PlainDecimal_Parses(string text, string expected)
    {
        Assert.True(PlainDecimal.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 2")]
    [InlineData("2 ")]
    [InlineData("+2")]
    [InlineData("1e2")]
    [InlineData("0x10")]
    [InlineData("1,000")]
    [InlineData("2.")]
    [InlineData(".5")]
    [InlineData("--1")]
    [InlineData("NaN")]
    [InlineData("١٢")]
    [InlineData("123456789012345678901234567890123")]
    public void TryParse_AnythingElse_Fails(string text)
    {
        Assert.False(PlainDecimal.TryParse(text, out _));
    }
}
