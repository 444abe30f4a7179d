using System.Text.Json;
using LinX.Core.Businesses;
using LinX.Core.Gateway;
using LinX.Core.Workflows;

namespace LinX.Core.Admin;

/// <summary>
/// The body of <c>POST /api/admin/businesses</c> (<c>{ name, country, allowedSmsCountries?, profile }</c>) and of the
/// profile update (the <c>profile</c> object alone), with every problem found.
/// </summary>
internal sealed record BusinessRequest(string Name, string Country, IReadOnlyList<string> AllowedSmsCountries, BusinessProfile Profile)
{
    public const int MaxNameLength = 100;
    public const int MaxSmsCountries = 50;

    private static readonly string[] Known = ["name", "country", "allowedSmsCountries", "profile"];
    private static readonly string[] ProfileFields =
        ["displayName", "supportEmail", "supportPhone", "websiteUrl", "termsUrl", "privacyUrl", "timeZone", "defaultLocale", "accentColor"];

    private static readonly string[] UrlFields = ["websiteUrl", "termsUrl", "privacyUrl"];

    public static (BusinessRequest? Request, IReadOnlyList<FieldError> Errors) Parse(ReadOnlyMemory<byte> body) =>
        AdminFields.Read(body, Known, (root, fields) =>
        {
            var name = fields.String(root, "name", "$.name", MaxNameLength);
            var country = AdminFields.Country(fields.String(root, "country", "$.country", 2), "$.country", fields);
            var smsCountries = SmsCountries(root, fields);
            BusinessProfile? profile = null;
            if (!root.TryGetProperty("profile", out var profileElement) || profileElement.ValueKind != JsonValueKind.Object)
            {
                fields.Add("$.profile", "'profile' is required and must be an object.", WorkflowErrorCodes.FieldRequired);
            }
            else
            {
                profile = ReadProfile(profileElement, "$.profile", fields);
            }

            return name is null || country is null || profile is null ? null : new BusinessRequest(name, country, smsCountries, profile);
        });

    /// <summary>The body of the profile update: a profile object at the root.</summary>
    public static (BusinessProfile? Profile, IReadOnlyList<FieldError> Errors) ParseProfile(ReadOnlyMemory<byte> body) =>
        AdminFields.Read(body, null, (root, fields) => ReadProfile(root, "$", fields));

    private static BusinessProfile? ReadProfile(JsonElement element, string path, JsonBody fields)
    {
        var before = fields.Errors.Count;
        AdminFields.RejectUnknown(element, path, ProfileFields, fields);
        var displayName = fields.String(element, "displayName", path + ".displayName", MaxNameLength);
        var supportEmail = fields.String(element, "supportEmail", path + ".supportEmail", 254);
        AdminFields.Email(supportEmail, path + ".supportEmail", fields);
        var supportPhone = fields.String(element, "supportPhone", path + ".supportPhone", 16, required: false);
        AdminFields.Phone(supportPhone, path + ".supportPhone", fields);
        var urls = UrlFields.Select(url =>
        {
            var text = fields.String(element, url, path + "." + url, AdminFields.MaxUrlLength + 1, required: false);
            AdminFields.HttpsUrl(text, path + "." + url, fields);
            return text;
        }).ToArray();
        var timeZone = fields.String(element, "timeZone", path + ".timeZone", 64, required: false);
        AdminFields.TimeZone(timeZone, path + ".timeZone", fields);
        var locale = fields.String(element, "defaultLocale", path + ".defaultLocale", 10, required: false);
        AdminFields.Locale(locale, path + ".defaultLocale", fields);
        var accentColor = fields.String(element, "accentColor", path + ".accentColor", 16, required: false);
        AdminFields.AccentColor(accentColor, path + ".accentColor", fields);
        return fields.Errors.Count > before
            ? null
            : new BusinessProfile(
                displayName!, supportEmail!, supportPhone, urls[0], urls[1], urls[2],
                timeZone ?? BusinessProfile.DefaultTimeZone, locale ?? BusinessProfile.Locales[0],
                accentColor is null ? null : Businesses.AccentColor.Normalize(accentColor));
    }

    private static List<string> SmsCountries(JsonElement root, JsonBody fields)
    {
        var countries = new List<string>();
        if (!root.TryGetProperty("allowedSmsCountries", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return countries;
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() > MaxSmsCountries)
        {
            fields.Add("$.allowedSmsCountries", $"'allowedSmsCountries' must be an array of at most {MaxSmsCountries} country codes.", WorkflowErrorCodes.InvalidType);
            return countries;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var path = $"$.allowedSmsCountries[{index++}]";
            var code = item.ValueKind == JsonValueKind.String ? AdminFields.Country(JsonBody.Text(item) ?? string.Empty, path, fields) : null;
            if (item.ValueKind != JsonValueKind.String)
            {
                fields.Add(path, "Must be a country code (a string).", WorkflowErrorCodes.InvalidType);
            }
            else if (code is not null && !countries.Contains(code, StringComparer.Ordinal))
            {
                countries.Add(code);
            }
        }

        return countries;
    }
}
