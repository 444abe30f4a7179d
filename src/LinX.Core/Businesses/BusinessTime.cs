namespace LinX.Core.Businesses;

/// <summary>The business's own clock: its profile's IANA time zone, UTC without a profile or for an id this host does not know.</summary>
public static class BusinessTime
{
    public static TimeZoneInfo ZoneOf(BusinessProfile? profile) =>
        profile is not null && TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
