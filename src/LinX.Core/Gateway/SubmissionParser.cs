using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using System.Text.RegularExpressions;
using LinX.Core.Customers;
using LinX.Core.Payments;
using LinX.Core.Workflows;

namespace LinX.Core.Gateway;

/// <summary>Validates the customer's submissions, reporting every field error at once.</summary>
internal static partial class SubmissionParser
{
    private const int MinimumAge = 18;

    private static readonly HashSet<string> UsStates = [.. "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP".Split(' ')];
    private static readonly HashSet<string> CaProvinces = [.. "AB BC MB NB NL NS NT NU ON PE QC SK YT".Split(' ')];

    public static CustomerProfile? Profile(JsonElement root, JsonBody body, DateOnly today)
    {
        var firstName = body.String(root, "firstName", "$.firstName", 50);
        var lastName = body.String(root, "lastName", "$.lastName", 50);
        var email = body.String(root, "email", "$.email", 254);
        if (email is not null && !IsEmail(email))
        {
            body.Add("$.email", "'email' is not a valid email address.", WorkflowErrorCodes.InvalidValue);
        }

        var dob = DateOfBirth(root, body, today);

        PostalAddress? address = null;
        if (!root.TryGetProperty("address", out var a) || a.ValueKind != JsonValueKind.Object)
        {
            body.Add("$.address", "'address' is required and must be an object.", WorkflowErrorCodes.FieldRequired);
        }
        else
        {
            address = Address(a, body);
        }

        return body.Errors.Count == 0 ? new CustomerProfile(firstName!, lastName!, email!, dob!.Value, address!) : null;
    }

    /// <summary>A date of birth, yyyy-MM-dd, of someone at least 18 years old.</summary>
    private static DateOnly? DateOfBirth(JsonElement root, JsonBody body, DateOnly today)
    {
        var dobText = body.String(root, "dateOfBirth", "$.dateOfBirth", 10);
        DateOnly? dob = null;
        if (dobText is not null)
        {
            if (!DateOnly.TryParseExact(dobText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || parsed.Year < 1900 || parsed > today)
            {
                body.Add("$.dateOfBirth", "'dateOfBirth' must be a past date as yyyy-MM-dd.", WorkflowErrorCodes.InvalidValue);
            }
            else if (parsed.AddYears(MinimumAge) > today)
            {
                body.Add("$.dateOfBirth", "The customer must be at least 18 years old.", ServiceErrorCodes.TooYoung);
            }
            else
            {
                dob = parsed;
            }
        }

        return dob;
    }

    public static CardDetails? Card(JsonElement root, JsonBody body, DateTimeOffset now)
    {
        var numberText = body.String(root, "cardNumber", "$.cardNumber", 30);
        var number = numberText is null ? null : PaymentDetailsValidation.Digits(numberText);
        if (numberText is not null && (number is null || !PaymentDetailsValidation.IsCardNumber(number)))
        {
            body.Add("$.cardNumber", "The card number is not valid.", ServiceErrorCodes.CardNumberInvalid);
        }

        var expiry = body.String(root, "expiry", "$.expiry", 7);
        var year = 0;
        var month = 0;
        if (expiry is not null)
        {
            if (!DateOnly.TryParseExact(expiry + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                body.Add("$.expiry", "'expiry' must be yyyy-MM.", WorkflowErrorCodes.InvalidValue);
            }
            else if (first.AddMonths(1) <= DateOnly.FromDateTime(now.UtcDateTime))
            {
                body.Add("$.expiry", "The card has expired.", ServiceErrorCodes.CardExpired);
            }
            else if (first.Year > now.Year + 20)
            {
                body.Add("$.expiry", "'expiry' is too far in the future.", WorkflowErrorCodes.InvalidValue);
            }
            else
            {
                (year, month) = (first.Year, first.Month);
            }
        }

        var name = body.String(root, "nameOnCard", "$.nameOnCard", 100);
        var cvc = body.String(root, "cvc", "$.cvc", 4 + 2);
        var amex = number is not null && PaymentDetailsValidation.Brand(number) == "AMEX";
        if (cvc is not null && !PaymentDetailsValidation.IsCvc(cvc, amex))
        {
            body.Add("$.cvc", amex ? "The CVC must be the 4 digits on the front of the card." : "The CVC must be the 3 digits on the back of the card.", ServiceErrorCodes.CvcInvalid);
        }

        var postal = body.String(root, "postalCode", "$.postalCode", 10 + 2)?.Trim().ToUpperInvariant();
        if (postal is not null && !PaymentDetailsValidation.IsBillingPostalCode(postal))
        {
            body.Add(
                "$.postalCode",
                "The billing postal code must be a US ZIP code (12345 or 12345-6789), a Canadian postal code (A1A 1A1), or 3 to 10 letters and digits.",
                ServiceErrorCodes.BillingPostalCodeInvalid);
        }

        return body.Errors.Count == 0 ? new CardDetails(number!, year, month, name!, cvc!, postal!) : null;
    }

    /// <summary>Bank details; a customer's (<paramref name="confirmed"/>) also types the account number twice (<c>accountNumberConfirm</c>).</summary>
    public static BankAccountDetails? Bank(JsonElement root, JsonBody body, bool confirmed = false)
    {
        var routing = body.String(root, "routingNumber", "$.routingNumber", 9 + 4);
        if (routing is not null && !PaymentDetailsValidation.IsAbaRoutingNumber(routing))
        {
            body.Add("$.routingNumber", "The routing number is not a valid ABA routing number.", ServiceErrorCodes.RoutingNumberInvalid);
        }

        var account = body.String(root, "accountNumber", "$.accountNumber", 17 + 4);
        if (account is not null && !PaymentDetailsValidation.IsAccountNumber(account))
        {
            body.Add("$.accountNumber", "The account number must be 4 to 17 digits.", ServiceErrorCodes.AccountNumberInvalid);
        }

        var confirm = confirmed ? body.String(root, "accountNumberConfirm", "$.accountNumberConfirm", 17 + 4) : account;
        if (account is not null && confirm is not null && confirm != account)
        {
            body.Add("$.accountNumberConfirm", "The two account numbers differ.", ServiceErrorCodes.AccountNumberConfirmMismatch);
        }

        var name = body.String(root, "nameOnAccount", "$.nameOnAccount", 100);
        return body.Errors.Count == 0 ? new BankAccountDetails(routing!, account!, name!) : null;
    }

    public static (DeclineReason? Reason, string? Comment) Decline(JsonElement root, JsonBody body)
    {
        var reasonText = body.String(root, "reason", "$.reason", 40);
        DeclineReason? reason = reasonText switch
        {
            null => null,
            "DONT_KNOW_BUSINESS_SENDER" => DeclineReason.DontKnowBusinessSender,
            "INCORRECT_INFORMATION" => DeclineReason.IncorrectInformation,
            "NOT_INTERESTED" => DeclineReason.NotInterested,
            "OTHER" => DeclineReason.Other,
            _ => null,
        };
        if (reasonText is not null && reason is null)
        {
            body.Add("$.reason", "'reason' must be DONT_KNOW_BUSINESS_SENDER, INCORRECT_INFORMATION, NOT_INTERESTED or OTHER.", WorkflowErrorCodes.InvalidValue);
        }

        var comment = body.String(root, "comment", "$.comment", 500, required: false);
        return (reason, comment);
    }

    /// <summary>
    /// An address at <paramref name="path"/>: the profile's field names (<c>city</c>, <c>postalCode</c>), or RocketKOR's
    /// (<c>cityName</c>, <c>zipCode</c>) on an enhance-profile step; the country in alpha-2 or alpha-3, kept as alpha-2.
    /// </summary>
    private static PostalAddress? Address(JsonElement a, JsonBody body, string path = "$.address", string cityField = "city", string postalField = "postalCode")
    {
        var line1 = body.String(a, "streetLine1", path + ".streetLine1", 100);
        var line2 = body.String(a, "streetLine2", path + ".streetLine2", 100, required: false);
        var city = body.String(a, cityField, path + "." + cityField, 50);
        var state = body.String(a, "stateCode", path + ".stateCode", 2)?.ToUpperInvariant();
        var postal = body.String(a, postalField, path + "." + postalField, 10)?.ToUpperInvariant();
        var country = body.String(a, "countryCode", path + ".countryCode", 3)?.ToUpperInvariant() is { } code ? CountryCodes.Alpha2(code) : null;
        if (country is not null && country is not ("US" or "CA"))
        {
            body.Add(path + ".countryCode", "'countryCode' must be US or CA (or USA, CAN).", WorkflowErrorCodes.InvalidValue);
        }

        if (state is not null && country is "US" or "CA" && !(country == "US" ? UsStates : CaProvinces).Contains(state))
        {
            body.Add(path + ".stateCode", $"'stateCode' is not a state or province of {country}.", WorkflowErrorCodes.InvalidValue);
        }

        if (postal is not null && country is "US" && !UsZip().IsMatch(postal))
        {
            body.Add(path + "." + postalField, $"'{postalField}' must be a US ZIP code (12345 or 12345-6789).", WorkflowErrorCodes.InvalidValue);
        }
        else if (postal is not null && country is "CA" && !CaPostal().IsMatch(postal))
        {
            body.Add(path + "." + postalField, $"'{postalField}' must be a Canadian postal code (A1A 1A1).", WorkflowErrorCodes.InvalidValue);
        }

        return line1 is null || city is null || state is null || postal is null || country is null
            ? null
            : new PostalAddress(line1, line2, city, state, postal, country);
    }

    internal static bool IsEmail(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex("^[0-9]{5}(-[0-9]{4})?$")]
    private static partial Regex UsZip();

    [GeneratedRegex("^[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]$")]
    private static partial Regex CaPostal();
}
