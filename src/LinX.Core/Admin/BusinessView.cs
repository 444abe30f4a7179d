using LinX.Core.Businesses;

namespace LinX.Core.Admin;

/// <summary>A business as the admin API shows it.</summary>
public sealed record BusinessView(
    Guid BusinessId, string Name, string Country, IReadOnlyList<string> AllowedSmsCountries, BusinessProfile? Profile, DateTimeOffset CreatedAt)
{
    public static BusinessView From(Business business)
    {
        ArgumentNullException.ThrowIfNull(business);
        return new(business.BusinessId, business.Name, business.Country, business.AllowedSmsCountries, business.Profile, business.CreatedAt);
    }
}
