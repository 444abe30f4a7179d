using LinX.Core.Businesses;

namespace LinX.Core.Gateway;

/// <summary>
/// How the Gateway page presents the business: its profile and logo URL (relative, served by LinX so the page's
/// <c>img-src 'self'</c> holds). Always present: a business without a profile shows its name, time zone UTC and the
/// rest null.
/// </summary>
public sealed record GatewayBrand(
    string DisplayName,
    string? LogoUrl,
    string? AccentColor,
    string? SupportEmail,
    string? SupportPhone,
    string? WebsiteUrl,
    string? TermsUrl,
    string? PrivacyUrl,
    string TimeZone)
{
    /// <summary>The brand of <paramref name="business"/> (null: a business gone since, shown without a name).</summary>
    public static GatewayBrand Of(Business? business)
    {
        if (business is null)
        {
            return new(string.Empty, null, null, null, null, null, null, null, BusinessProfile.DefaultTimeZone);
        }

        var p = BusinessProfileView.From(business);
        return new(p.DisplayName, p.LogoUrl, p.AccentColor, p.SupportEmail, p.SupportPhone, p.WebsiteUrl, p.TermsUrl, p.PrivacyUrl, p.TimeZone);
    }
}
