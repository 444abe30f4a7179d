using PhoneNumbers;

namespace LinX.Core.Workflows;

/// <summary>
/// Normalises the customer's phone number to E.164 with libphonenumber. The number must be in
/// international form (+ and country code) and have the exact length of its country's plan; a number
/// that libphonenumber knows to be a fixed line, toll-free, premium or similar is rejected because it
/// cannot receive an SMS. Numbers in ranges libphonenumber does not list are accepted on purpose: its
/// metadata lags new allocations (and the seed's +1 647 123 4567 is one), the SMS provider has the
/// final word. See docs/decisions/0002-workflow-contract-validation.md.
/// </summary>
internal static class PhoneNumberRule
{
    // libphonenumber's code for a country calling code it does not know.
    private const string UnknownRegion = "ZZ";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private static readonly HashSet<PhoneNumberType> NoSms =
    [
        PhoneNumberType.FIXED_LINE, PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST, PhoneNumberType.UAN, PhoneNumberType.VOICEMAIL, PhoneNumberType.PAGER,
    ];

    public static string? Normalize(string value, string path, ValidationErrors errors)
    {
        if (!TryParse(value, out var number))
        {
            errors.Add(path, WorkflowErrorCodes.InvalidPhoneNumber, "Must be a phone number in international form, such as +16471234567.");
            return null;
        }

        if (Util.IsValidNumber(number) && NoSms.Contains(Util.GetNumberType(number)))
        {
            errors.Add(path, WorkflowErrorCodes.PhoneNumberCannotReceiveSms, "Must be a mobile number that can receive SMS.");
            return null;
        }

        return Util.Format(number, PhoneNumberFormat.E164);
    }

    private static bool TryParse(string value, out PhoneNumber number)
    {
        number = null!;
        // Only digits and the usual separators: libphonenumber would also read vanity letters (1-800-FLOWERS).
        if (value.Length > WorkflowLimits.MaxPhoneNumberLength
            || !value.StartsWith('+')
            || !value.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.'))
        {
            return false;
        }

        try
        {
            number = Util.Parse(value, null);
        }
        catch (NumberParseException)
        {
            return false;
        }

        return !number.HasExtension
            && Util.GetRegionCodeForCountryCode(number.CountryCode) != UnknownRegion
            && Util.IsPossibleNumberWithReason(number) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE;
    }
}
