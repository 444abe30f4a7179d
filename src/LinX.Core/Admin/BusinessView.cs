using LinX.Core.Businesses;

namespace LinX.Core.Admin;

/// <summary>A business as the admin API shows it; <c>Profile</c> with its accent colour and logo URL, null until a profile is set.</summary>
public sealed record BusinessView(
    Guid BusinessId, string Name, string Country, IReadOnlyList<string> AllowedSmsCountries, BusinessProfileView? Profile, DateTimeOffset CreatedAt)
{
    public static BusinessView From(Business business)
    {
        ArgumentNullException.ThrowIfNull(business);
        return new(business.BusinessId, business.Name, business.Country, business.AllowedSmsCountries, business.Profile is null ? null : BusinessProfileView.From(business), business.CreatedAt);
    }
}
