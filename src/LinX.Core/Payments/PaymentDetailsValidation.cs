using System.Text.RegularExpressions;

namespace LinX.Core.Payments;

/// <summary>Checks of card and bank details as the customer types them (before tokenization).</summary>
public static partial class PaymentDetailsValidation
{
    /// <summary>Digits only, without the spaces and dashes people type; null if anything else is present.</summary>
    public static string? Digits(string text)
    {
        var digits = new char[text.Length];
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[count++] = c;
            }
            else if (c is not (' ' or '-'))
            {
                return null;
            }
        }

        return new string(digits, 0, count);
    }

    /// <summary>The Luhn (mod 10) check of a card number.</summary>
    public static bool IsLuhnValid(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return digits.Length > 0 && sum % 10 == 0;
    }

    /// <summary>The card brand from its number's prefix (IIN ranges), or <c>CARD</c> when unknown.</summary>
    public static string Brand(string digits)
    {
        int Prefix(int length) => digits.Length >= length ? int.Parse(digits.AsSpan(0, length), System.Globalization.CultureInfo.InvariantCulture) : -1;
        return digits switch
        {
            _ when digits.StartsWith('4') => "VISA",
            _ when Prefix(2) is >= 51 and <= 55 || Prefix(4) is >= 2221 and <= 2720 => "MASTERCARD",
            _ when Prefix(2) is 34 or 37 => "AMEX",
            _ when digits.StartsWith("6011", StringComparison.Ordinal) || Prefix(2) == 65 || Prefix(3) is >= 644 and <= 649 => "DISCOVER",
            _ => "CARD",
        };
    }

    /// <summary>A card number: 12–19 digits passing Luhn.</summary>
    public static bool IsCardNumber(string digits) => digits.Length is >= 12 and <= 19 && IsLuhnValid(digits);

    /// <summary>The ABA routing number checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10).</summary>
    public static bool IsAbaRoutingNumber(string text)
    {
        if (text.Length != 9 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        int D(int i) => text[i] - '0';
        var sum = (3 * (D(0) + D(3) + D(6))) + (7 * (D(1) + D(4) + D(7))) + D(2) + D(5) + D(8);
        return sum % 10 == 0 && text != "000000000";
    }

    /// <summary>A bank account number: 4–17 digits.</summary>
    public static bool IsAccountNumber(string text) => text.Length is >= 4 and <= 17 && text.All(char.IsAsciiDigit);

    /// <summary>A card's CVC: 3 digits, or 4 for American Express.</summary>
    public static bool IsCvc(string text, bool amex) => text.Length == (amex ? 4 : 3) && text.All(char.IsAsciiDigit);

    /// <summary>
    /// A card's billing postal code (upper case): a US ZIP (12345, 12345-6789 or 123456789), a Canadian postal code
    /// (A1A 1A1, with or without the space), or else 3 to 10 letters and digits (other countries' codes).
    /// </summary>
    public static bool IsBillingPostalCode(string text) => BillingPostalCode().IsMatch(text);

    [GeneratedRegex("^([0-9]{5}(-?[0-9]{4})?|[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]|[A-Z0-9]{3,10})$")]
    private static partial Regex BillingPostalCode();
}
