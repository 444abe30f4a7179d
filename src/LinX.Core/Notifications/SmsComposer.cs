using System.Globalization;
using LinX.Core.Workflows;
using Microsoft.Extensions.Options;

namespace LinX.Core.Notifications;

/// <summary>
/// Writes the SMS texts: business name, introductory message, link and expiry, in at most two segments
/// (306 GSM-7 characters, or 134 UCS-2 characters when the text needs Unicode). The introductory message is
/// shortened to fit; the link never is.
/// </summary>
public sealed class SmsComposer
{
    /// <summary>Used when the business gave no introductory message.</summary>
    public const string DefaultIntroductoryMessage = "You have a request waiting for you.";

    private const int MaxBusinessName = 40;
    private const string Ellipsis = "...";

    private readonly string _publicBaseUrl;

    public SmsComposer(IOptions<LinXOptions> options)
    {
        _publicBaseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
    }

    /// <summary>The customer's link for a token.</summary>
    public string Link(string token) => _publicBaseUrl + "/linx/" + token;

    /// <summary>The text of a notification of the given origin.</summary>
    public static string Compose(NotificationOrigin origin, string businessName, string? introductoryMessage, string title, string link, DateTimeOffset expireAt)
    {
        var business = Shorten(businessName.Trim(), MaxBusinessName);
        if (origin == NotificationOrigin.Expiry)
        {
            return Fit($"{business}: your request \"", title, "\" has expired. No action is needed.");
        }

        var prefix = origin == NotificationOrigin.Reminder ? $"Reminder from {business}: " : $"{business}: ";
        var expiry = expireAt.UtcDateTime.ToString("MMM d, HH:mm", CultureInfo.InvariantCulture);
        var intro = string.IsNullOrWhiteSpace(introductoryMessage) ? DefaultIntroductoryMessage : introductoryMessage.Trim();
        return Fit(prefix, intro, $" Open {link} (expires {expiry} UTC)");
    }

    private static string Fit(string head, string middle, string tail)
    {
        var text = head + middle + tail;
        if (SmsText.Segments(text) <= 2)
        {
            return text;
        }

        var limit = SmsText.IsGsm7(head + tail) && SmsText.IsGsm7(middle) ? SmsText.TwoGsmSegments : SmsText.TwoUcs2Segments;
        for (var keep = Math.Min(middle.Length, limit); keep > 0; keep--)
        {
            text = head + middle[..keep].TrimEnd() + Ellipsis + tail;
            if (SmsText.Segments(text) <= 2)
            {
                return text;
            }
        }

        return head.TrimEnd() + tail;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - Ellipsis.Length)] + Ellipsis;
}
