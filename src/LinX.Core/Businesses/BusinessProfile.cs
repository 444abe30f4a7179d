namespace LinX.Core.Businesses;

/// <summary>
/// How a business presents itself to its customers: the name they know it by, where they reach its support, its
/// site, terms and privacy policy (https URLs), the time zone and locale its messages default to.
/// </summary>
/// <remarks>
/// <c>SupportPhone</c>: E.164. <c>TimeZone</c>: an IANA time zone id (<c>America/Toronto</c>). <c>DefaultLocale</c>:
/// one of <see cref="Locales"/>. <c>AccentColor</c>: <c>#RRGGBB</c> with a contrast of at least
/// <see cref="Businesses.AccentColor.MinContrastWithWhite"/> against white text (the Gateway page's primary buttons).
/// </remarks>
public sealed record BusinessProfile(
    string DisplayName,
    string SupportEmail,
    string? SupportPhone,
    string? WebsiteUrl,
    string? TermsUrl,
    string? PrivacyUrl,
    string TimeZone,
    string DefaultLocale,
    string? AccentColor = null)
{
    public const string DefaultTimeZone = "UTC";

    /// <summary>The locales LinX writes its messages in; the first is the default.</summary>
    public static IReadOnlyList<string> Locales { get; } = ["en", "fr-CA"];
}
