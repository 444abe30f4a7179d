using System.Text.Json;
using LinX.Core.Gateway;
using LinX.Core.Workflows;
using PhoneNumbers;

namespace LinX.Core.Admin;

/// <summary>The field checks of the admin API's bodies, reporting into a <see cref="JsonBody"/> (every problem at once).</summary>
internal static class AdminFields
{
    public const int MaxUrlLength = 2048;

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>ISO 3166-1 alpha-2 codes as libphonenumber knows them (the metadata that judges the SMS numbers, too).</summary>
    private static readonly HashSet<string> Countries = [.. Phones.GetSupportedRegions()];

    /// <summary>
    /// Parses a JSON object body, reports its members not in <paramref name="known"/> (when given), then reads it with
    /// <paramref name="read"/>: the value when nothing was wrong, else every problem found.
    /// </summary>
    public static (T? Value, IReadOnlyList<FieldError> Errors) Read<T>(
        ReadOnlyMemory<byte> body, IReadOnlyCollection<string>? known, Func<JsonElement, JsonBody, T?> read)
        where T : class
    {
        using var document = JsonBody.Parse(body, out var error);
        if (document is null)
        {
            return (null, [error!]);
        }

        var fields = JsonBody.Collect();
        if (known is not null)
        {
            RejectUnknown(document.RootElement, "$", known, fields);
        }

        var value = read(document.RootElement, fields);
        return fields.Errors.Count == 0 ? (value, []) : (null, fields.Errors);
    }

    /// <summary>Reports every member of <paramref name="element"/> not in <paramref name="known"/>.</summary>
    public static void RejectUnknown(JsonElement element, string path, IReadOnlyCollection<string> known, JsonBody body)
    {
        foreach (var member in element.EnumerateObject().Where(m => !known.Contains(m.Name)))
        {
            var name = member.Name.Length <= 64 && member.Name.All(char.IsAsciiLetterOrDigit) ? member.Name : "?";
            body.Add(path + "." + name, "Unknown field.", WorkflowErrorCodes.UnknownField);
        }
    }

    /// <summary>An optional whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static int? WholeNumber(JsonElement parent, string name, int min, int max, JsonBody body)
    {
        if (!parent.TryGetProperty(name, out var element))
        {
            return null;
        }

        var path = "$." + name;
        var errors = new ValidationErrors();
        var value = new JsonValueReader(errors).ReadWholeNumber(element, path);
        body.Errors.AddRange(errors.ToList());
        if (value is not null && (value < min || value > max))
        {
            body.Add(path, $"'{name}' is {value}; it must be from {min} to {max}.", WorkflowErrorCodes.ValueOutOfRange);
            return null;
        }

        return value;
    }

    /// <summary>A country code (upper-cased), or null with the problem reported.</summary>
    public static string? Country(string? code, string path, JsonBody body)
    {
        var upper = code?.ToUpperInvariant();
        if (upper is not null && (upper.Length != 2 || !Countries.Contains(upper)))
        {
            body.Add(path, "Must be an ISO 3166-1 alpha-2 country code, such as CA or US.", ServiceErrorCodes.InvalidCountry);
            return null;
        }

        return upper;
    }

    public static void Email(string? text, string path, JsonBody body)
    {
        if (text is not null && !SubmissionParser.IsEmail(text))
        {
            body.Add(path, "Must be an email address.", WorkflowErrorCodes.InvalidValue);
        }
    }

    /// <summary>A phone number in E.164 exactly (<c>+14165550100</c>) of a plan libphonenumber knows; any line type.</summary>
    public static void Phone(string? text, string path, JsonBody body)
    {
        if (text is not null && !IsE164(text))
        {
            body.Add(path, "Must be a phone number in E.164, such as +14165550100.", WorkflowErrorCodes.InvalidPhoneNumber);
        }
    }

    public static void HttpsUrl(string? text, string path, JsonBody body)
    {
        if (text is not null && !(text.Length <= MaxUrlLength
            && !text.Any(char.IsWhiteSpace)
            && Uri.TryCreate(text, UriKind.Absolute, out var url)
            && url.Scheme == Uri.UriSchemeHttps
            && url.UserInfo.Length == 0
            && url.Host.Length > 0))
        {
            body.Add(path, $"Must be an absolute https URL of at most {MaxUrlLength} characters, without credentials.", ServiceErrorCodes.InvalidUrl);
        }
    }

    public static void TimeZone(string? id, string path, JsonBody body)
    {
        // HasIanaId: a Windows id ("Eastern Standard Time") would resolve too, and is not what the contract takes.
        if (id is not null && !(TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId))
        {
            body.Add(path, "Must be an IANA time zone id, such as America/Toronto.", ServiceErrorCodes.InvalidTimeZone);
        }
    }

    public static void Locale(string? locale, string path, JsonBody body)
    {
        if (locale is not null && !Businesses.BusinessProfile.Locales.Contains(locale, StringComparer.Ordinal))
        {
            body.Add(path, "Must be one of " + string.Join(", ", Businesses.BusinessProfile.Locales) + ".", ServiceErrorCodes.UnsupportedLocale);
        }
    }

    /// <summary><c>#RRGGBB</c> that white text can be read on (the Gateway page's primary buttons).</summary>
    public static void AccentColor(string? color, string path, JsonBody body)
    {
        if (color is null)
        {
            return;
        }

        if (!Businesses.AccentColor.IsWellFormed(color))
        {
            body.Add(path, "Must be a colour as #RRGGBB, such as #1A5FB4.", ServiceErrorCodes.InvalidColor);
            return;
        }

        var contrast = Businesses.AccentColor.ContrastWithWhite(color);
        if (contrast < Businesses.AccentColor.MinContrastWithWhite)
        {
            body.Add(
                path,
                FormattableString.Invariant($"White text on {color} has a contrast of {contrast:0.00}:1; the Gateway page's primary buttons put white text on the accent colour, so it needs at least {Businesses.AccentColor.MinContrastWithWhite}:1 (choose a darker colour)."),
                ServiceErrorCodes.ColorContrastTooLow);
        }
    }

    private static bool IsE164(string text)
    {
        if (text.Length is < 8 or > 16 || text[0] != '+' || !text.Skip(1).All(char.IsAsciiDigit))
        {
            return false;
        }

        try
        {
            var number = Phones.Parse(text, null);
            return Phones.IsPossibleNumber(number) && Phones.Format(number, PhoneNumberFormat.E164) == text;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }
}
