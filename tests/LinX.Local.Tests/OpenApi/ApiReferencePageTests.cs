using System.Net;
using System.Text.RegularExpressions;

namespace LinX.Local.Tests.OpenApi;

/// <summary>
/// The API reference page at <c>/api-reference</c>: served whole by LinX (no CDN, no remote origin), under a strict
/// Content-Security-Policy whose script nonce is fresh on every answer.
/// </summary>
[Collection(LocalHostTests.Name)]
public sealed partial class ApiReferencePageTests(LocalHostFixture host)
{
    public const string Route = "/api-reference";

    [Fact]
    public async Task Page_AnswersWithAStrictContentSecurityPolicy()
    {
        // Act
        var response = await host.Anonymous.GetAsync(Route);
        var html = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = Directives(policy);
        Assert.Equal("'none'", directives["default-src"]);
        Assert.Equal("'none'", directives["frame-ancestors"]);
        Assert.DoesNotContain("unsafe-inline", directives["script-src"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", directives["script-src"], StringComparison.Ordinal);
        Assert.All(directives.Values, sources => Assert.DoesNotMatch(@"https?:|\*|//", sources));
        var nonce = Assert.Single(NonceSource().Matches(directives["script-src"])).Groups["nonce"].Value;
        Assert.All(ScriptTag().Matches(html), script => Assert.Contains($"nonce=\"{nonce}\"", WebUtility.HtmlDecode(script.Value), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_EveryScriptAndStylesheetItReferences_IsServedByLinX()
    {
        // Arrange
        var page = await host.Anonymous.GetAsync(Route);
        var html = await page.Content.ReadAsStringAsync();
        var pageUrl = page.RequestMessage!.RequestUri!;

        // Act
        var references = Reference().Matches(html).Select(m => new Uri(pageUrl, WebUtility.HtmlDecode(m.Groups["url"].Value))).ToList();

        // Assert: nothing from another origin (a CDN), and each asset answers 200 here.
        Assert.NotEmpty(references);
        Assert.DoesNotMatch(@"(src|href)\s*=\s*[""']?(https?:)?//", html);
        foreach (var url in references)
        {
            Assert.Equal(pageUrl.GetLeftPart(UriPartial.Authority), url.GetLeftPart(UriPartial.Authority));
            var asset = await host.Anonymous.GetAsync(url);
            Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)asset.StatusCode}.");
        }
    }

    [Fact]
    public async Task Page_NonceIsFreshOnEveryAnswer()
    {
        // Act
        var first = await host.Anonymous.GetAsync(Route);
        var second = await host.Anonymous.GetAsync(Route);

        // Assert
        Assert.NotEqual(
            Assert.Single(first.Headers.GetValues("Content-Security-Policy")),
            Assert.Single(second.Headers.GetValues("Content-Security-Policy")));
    }

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : string.Empty, StringComparer.Ordinal);

    [GeneratedRegex("'nonce-(?<nonce>[A-Za-z0-9+/=_-]+)'")]
    private static partial Regex NonceSource();

    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    // The src of every script and the href of every stylesheet or preloaded asset.
    [GeneratedRegex("<(?:script\\b[^>]*\\bsrc|link\\b[^>]*\\bhref)\\s*=\\s*[\"'](?<url>[^\"']+)[\"']", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();
}
