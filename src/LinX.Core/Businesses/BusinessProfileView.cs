namespace LinX.Core.Businesses;

/// <summary>
/// A business's profile as the business and admin APIs show it: the profile's fields and the URL LinX serves its logo
/// at (relative to LinX's public base URL; null without a logo). A business without a profile shows what its customers
/// see: its name as display name, time zone UTC, the default locale and the rest null.
/// </summary>
public sealed record BusinessProfileView(
    string DisplayName,
    string? SupportEmail,
    string? SupportPhone,
    string? WebsiteUrl,
    string? TermsUrl,
    string? PrivacyUrl,
    string TimeZone,
    string DefaultLocale,
    string? AccentColor,
    string? LogoUrl)
{
    public static BusinessProfileView From(Business business)
    {
        ArgumentNullException.ThrowIfNull(business);
        var logoUrl = business.Logo?.UrlOf(business.BusinessId);
        return business.Profile is { } p
            ? new(p.DisplayName, p.SupportEmail, p.SupportPhone, p.WebsiteUrl, p.TermsUrl, p.PrivacyUrl, p.TimeZone, p.DefaultLocale, p.AccentColor, logoUrl)
            : new(business.Name, null, null, null, null, null, BusinessProfile.DefaultTimeZone, BusinessProfile.Locales[0], null, logoUrl);
    }
}
