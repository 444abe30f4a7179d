using PhoneNumbers;

namespace LinX.Core.Workflows;

/// <summary>The country (ISO 3166-1 alpha-2) of a mobile number in E.164, from libphonenumber's metadata.</summary>
public static class PhoneCountry
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    // North American numbers share +1: the area code tells the country. A number in a range the metadata does not
    // list yet (the seed's +1 647 123 4567) is judged by its area code, with an exchange the plan allows.
    private const string ProbeExchange = "2001234";

    /// <summary>The number's country, or null when it cannot be told.</summary>
    public static string? Of(string e164)
    {
        try
        {
            var number = Util.Parse(e164, null);
            if (Util.GetRegionCodeForNumber(number) is { Length: 2 } region && region != "ZZ")
            {
                return region;
            }

            if (number.CountryCode == 1 && e164.Length == 12)
            {
                var probe = Util.Parse(e164[..5] + ProbeExchange, null);
                return Util.GetRegionCodeForNumber(probe) is { Length: 2 } probed && probed != "ZZ" ? probed : null;
            }

            // Elsewhere the calling code's main country (+44 is GB, though Jersey and the Isle of Man share it).
            var main = Util.GetRegionCodeForCountryCode(number.CountryCode);
            return main is "ZZ" or "001" ? null : main;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// <paramref name="text"/> as an E.164 number when it reads as a possible phone number: international (+...) or
    /// national to <paramref name="defaultCountry"/> (<c>(647) 123-4567</c>); null for anything else, such as a name.
    /// </summary>
    public static string? NormalizeOrNull(string text, string defaultCountry)
    {
        if (text.Count(char.IsAsciiDigit) < 7 || !text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.'))
        {
            return null;
        }

        try
        {
            var number = Util.Parse(text, defaultCountry);
            return Util.IsPossibleNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
