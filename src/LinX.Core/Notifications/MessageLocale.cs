using System.Globalization;
using LinX.Core.Businesses;
using LinX.Core.Workflows;

namespace LinX.Core.Notifications;

/// <summary>
/// The language and time zone of what LinX writes to a workflow's customer: the request's <c>locale</c>, else the
/// business's default locale (null: none chosen, so the page follows the browser and the SMS is in English); the
/// business's time zone, else UTC.
/// </summary>
public static class MessageLocale
{
    /// <summary>The locale of the SMS when neither the request nor the business names one.</summary>
    public const string Fallback = "en";

    /// <summary>The resolved locale: <c>plan.Locale ?? business.Profile?.DefaultLocale</c>.</summary>
    public static string? Resolve(WorkflowPlan plan, Business? business)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Locale ?? business?.Profile?.DefaultLocale;
    }

    /// <summary>The culture of a resolved locale (English when null or not one of <see cref="BusinessProfile.Locales"/>).</summary>
    public static CultureInfo Culture(string? locale) =>
        CultureInfo.GetCultureInfo(locale is not null && BusinessProfile.Locales.Contains(locale, StringComparer.Ordinal) ? locale : Fallback);

    /// <summary>The business's time zone (its profile's IANA id), UTC when it has no profile or the id is unknown here.</summary>
    public static TimeZoneInfo TimeZone(Business? business) =>
        business?.Profile?.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
