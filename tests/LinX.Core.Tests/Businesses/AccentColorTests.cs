using System.Text;
using LinX.Core.Admin;
using LinX.Core.Businesses;

namespace LinX.Core.Tests.Businesses;

public sealed class AccentColorTests
{
    [Theory]
    [InlineData("#000000", 21.0)]
    [InlineData("#FFFFFF", 1.0)]
    [InlineData("#767676", 4.54)]
    [InlineData("#777777", 4.48)]
    [InlineData("#1A5FB4", 6.29)]
    public void ContrastWithWhite_KnownColours_IsTheWcagRatio(string color, double expected) =>
        Assert.Equal(expected, AccentColor.ContrastWithWhite(color), 2);

    [Theory]
    [InlineData("#1a5fb4", true)]
    [InlineData("#1A5FB4", true)]
    [InlineData("1A5FB4", false)]
    [InlineData("#1A5FB", false)]
    [InlineData("#1A5FB4FF", false)]
    [InlineData("#GGGGGG", false)]
    [InlineData("blue", false)]
    public void IsWellFormed_HashAndSixHexDigitsOnly(string color, bool expected) =>
        Assert.Equal(expected, AccentColor.IsWellFormed(color));

    [Fact]
    public void ParseProfile_DarkEnoughColour_IsKeptUpperCased()
    {
        var (profile, errors) = BusinessRequest.ParseProfile(Profile("\"#767676\""));

        Assert.Empty(errors);
        Assert.Equal("#767676", profile!.AccentColor);
        Assert.Equal("#1A5FB4", BusinessRequest.ParseProfile(Profile("\"#1a5fb4\"")).Profile!.AccentColor);
    }

    [Fact]
    public void ParseProfile_NoColour_IsNull() =>
        Assert.Null(BusinessRequest.ParseProfile(Profile(null)).Profile!.AccentColor);

    [Fact]
    public void ParseProfile_ColourWhiteTextCannotBeReadOn_IsContrastTooLowSayingWhy()
    {
        var (profile, errors) = BusinessRequest.ParseProfile(Profile("\"#777777\""));

        Assert.Null(profile);
        var error = Assert.Single(errors);
        Assert.Equal(("$.accentColor", ServiceErrorCodes.ColorContrastTooLow), (error.Path, error.ErrorCode));
        Assert.Contains("4.48:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("white text", error.Message, StringComparison.Ordinal);
        Assert.Contains("4.5:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseProfile_BadColourAmongOtherProblems_ReportsEveryProblem()
    {
        var body = """{ "displayName": "", "supportEmail": "nope", "websiteUrl": "http://example.com", "accentColor": "red" }""";

        var (profile, errors) = BusinessRequest.ParseProfile(Encoding.UTF8.GetBytes(body));

        Assert.Null(profile);
        Assert.Equal(
            ["$.accentColor", "$.displayName", "$.supportEmail", "$.websiteUrl"],
            errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Equal(ServiceErrorCodes.InvalidColor, errors.Single(e => e.Path == "$.accentColor").ErrorCode);
    }

    private static byte[] Profile(string? accentColor) => Encoding.UTF8.GetBytes(
        $$"""{ "displayName": "Acme", "supportEmail": "support@example.com"{{(accentColor is null ? string.Empty : $", \"accentColor\": {accentColor}")}} }""");
}
