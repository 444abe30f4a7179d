using System.Globalization;
using System.Resources;
using LinX.Core.Businesses;
using Microsoft.Extensions.Options;

namespace LinX.Core.Notifications;

/// <summary>
/// Writes the SMS texts in the workflow's locale (<see cref="MessageLocale"/>), every word from the <c>SmsTexts</c>
/// resources: the sender (the business's display name), one sentence (the introductory message, or a default one), the
/// link, the expiry in the business's time zone, and the opt-out line. At most two segments (306 GSM-7 characters, or
/// 134 UCS-2 characters when the text needs Unicode): letters GSM-7 lacks are folded to their closest GSM-7 likeness
/// (<see cref="SmsText.FoldToGsm7"/>), then the sentence is shortened to fit; the link and opt-out line never are.
/// </summary>
public sealed class SmsComposer
{
    private const int MaxBusinessName = 40;
    private const string Ellipsis = "...";

    private static readonly ResourceManager Texts = new("LinX.Core.Notifications.SmsTexts", typeof(SmsComposer).Assembly);

    private readonly string _publicBaseUrl;

    public SmsComposer(IOptions<LinXOptions> options)
    {
        _publicBaseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
    }

    /// <summary>The customer's link for a token.</summary>
    public string Link(string token) => _publicBaseUrl + "/linx/" + token;

    /// <summary>
    /// The text of a notification of the given origin, in <paramref name="locale"/> (the resolved locale; English when
    /// null), with the expiry in the business's time zone.
    /// </summary>
    public static string Compose(
        NotificationOrigin origin, Business business, string? introductoryMessage, string? locale, string link, DateTimeOffset expireAt)
    {
        ArgumentNullException.ThrowIfNull(business);
        var culture = MessageLocale.Culture(locale);
        var sender = Shorten((business.Profile?.DisplayName ?? business.Name).Trim(), MaxBusinessName);
        var optOut = Text("OptOut", culture);
        if (origin == NotificationOrigin.Expiry)
        {
            return Fit(Format("Expired", culture, sender) + " ", string.Empty, optOut);
        }

        var head = Format(origin == NotificationOrigin.Reminder ? "ReminderHead" : "InitialHead", culture, sender);
        var sentence = string.IsNullOrWhiteSpace(introductoryMessage) ? Text("DefaultSentence", culture) : Sentence(introductoryMessage);
        var tail = " " + link + " " + Expiry(expireAt, MessageLocale.TimeZone(business), culture) + " " + optOut;
        return Fit(head, sentence, tail);
    }

    /// <summary>"Expires Mar 3, 7:00 AM Toronto time.": the expiry as the business's customers read their clocks.</summary>
    private static string Expiry(DateTimeOffset expireAt, TimeZoneInfo zone, CultureInfo culture)
    {
        var local = TimeZoneInfo.ConvertTime(expireAt, zone);
        return Format("Expires", culture, local.ToString(Text("ExpiryFormat", culture), culture), ZoneName(zone, local.Offset, culture));
    }

    /// <summary>
    /// The zone by its city ("Toronto time"): right in summer and winter alike, where an offset or an abbreviation would
    /// need the reader to know which applies. Zones without a city (Etc/GMT+5) by their offset at the expiry.
    /// </summary>
    private static string ZoneName(TimeZoneInfo zone, TimeSpan offset, CultureInfo culture)
    {
        if (zone == TimeZoneInfo.Utc || zone.Id is "UTC" or "Etc/UTC")
        {
            return Text("ZoneUtc", culture);
        }

        var slash = zone.Id.LastIndexOf('/');
        if (slash > 0 && !zone.Id.StartsWith("Etc/", StringComparison.Ordinal))
        {
            return Format("ZoneCity", culture, zone.Id[(slash + 1)..].Replace('_', ' '));
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return Format("ZoneOffset", culture, sign + offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>The business's introductory message as one sentence: trimmed, with its closing punctuation.</summary>
    private static string Sentence(string message)
    {
        var text = message.Trim();
        return text[^1] is '.' or '!' or '?' ? text : text + ".";
    }

    private static string Fit(string head, string middle, string tail)
    {
        (head, middle, tail) = (SmsText.FoldToGsm7(head), SmsText.FoldToGsm7(middle), SmsText.FoldToGsm7(tail));
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

    private static string Text(string name, CultureInfo culture) =>
        Texts.GetString(name, culture) ?? throw new MissingManifestResourceException("SMS text " + name + " is missing.");

    private static string Format(string name, CultureInfo culture, params object[] values) => string.Format(culture, Text(name, culture), values);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - Ellipsis.Length)] + Ellipsis;
}
