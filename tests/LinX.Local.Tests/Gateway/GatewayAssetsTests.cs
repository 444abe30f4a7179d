using System.Text.RegularExpressions;
using LinX.Testing;

namespace LinX.Local.Tests.Gateway;

/// <summary>
/// The page's words live in its strings files only: both locales have the same keys and placeholders, every key the
/// scripts and the HTML use exists, and no script or the HTML writes a customer-visible sentence of its own.
/// </summary>
public sealed partial class GatewayAssetsTests
{
    private static readonly string Assets = Path.Combine(RepoPaths.Root, "src", "LinX.Api", "Gateway", "Assets");

    public static TheoryData<string> Scripts => new(Directory.GetFiles(Assets, "*.js").Select(Path.GetFileName).Order()!);

    [Fact]
    public void Strings_EnglishAndFrench_HaveTheSameKeysAndPlaceholders()
    {
        var en = GatewayStrings.English.All;
        var fr = GatewayStrings.French.All;

        Assert.Equal(en.Keys.Order(), fr.Keys.Order());
        Assert.All(en, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Value), e.Key);
            Assert.False(string.IsNullOrWhiteSpace(fr[e.Key]), e.Key);
            Assert.Equal(Placeholders(e.Value), Placeholders(fr[e.Key]));
        });
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_EveryKeyItUses_IsInTheStrings(string script)
    {
        var keys = GatewayStrings.English.All.Keys.ToHashSet();
        var used = KeyUse().Matches(Code(script)).Select(m => m.Groups[1].Value).ToList();

        Assert.All(used, key => Assert.True(keys.Contains(key) || keys.Any(k => k.StartsWith(key + ".", StringComparison.Ordinal)), $"{script} uses '{key}'"));
    }

    [Fact]
    public void Html_EveryText_ComesFromTheStrings()
    {
        var html = File.ReadAllText(Path.Combine(Assets, "gateway.html"));
        var keys = GatewayStrings.English.All.Keys.ToHashSet();

        Assert.All(I18nAttribute().Matches(html).Select(m => m.Groups[1].Value), key => Assert.Contains(key, keys));
        var text = Tag().Replace(Title().Replace(html, ""), " ");
        Assert.DoesNotMatch("[A-Za-z]{2,}", text);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_HasNoSentenceOfItsOwn(string script)
    {
        Assert.Empty(Sentence().Matches(Code(script)).Select(m => m.Value));
    }

    // A script without its comment lines.
    private static string Code(string script) =>
        string.Join('\n', File.ReadLines(Path.Combine(Assets, script)).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order()];

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("""\bt\("([\w.@$-]+)""")]
    private static partial Regex KeyUse();

    [GeneratedRegex("""data-i18n(?:-[a-z-]+)?="([^"]+)""")]
    private static partial Regex I18nAttribute();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("<title>[^<]*</title>")]
    private static partial Regex Title();

    // A string literal that starts as a sentence does (a capital, then words): what a customer would read. Class names
    // and selectors are lower case.
    [GeneratedRegex("""(["'`])[A-Z][a-z']*[ ,]+[A-Za-z][a-z']+[^"'`]*\1""")]
    private static partial Regex Sentence();
}
