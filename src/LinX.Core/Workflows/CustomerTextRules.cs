using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LinX.Core.Workflows;

/// <summary>
/// Free text that LinX shows or texts to the customer in the business's name (<c>parameters.introductoryMessage</c> in
/// the SMS, <c>customerMemo</c> on the customer's page). Beyond <see cref="TextRules"/> it must not carry what a
/// phisher would put there: a web address (the only link is LinX's own, which the SMS adds), a phone number to call,
/// or characters the customer cannot see that hide or reorder what they read. Each is its own error, all reported at
/// once; the messages name invisible characters by code point but never echo an address or a number back.
/// </summary>
/// <remarks>
/// Control characters (C0, DEL, C1), the bidirectional embeddings, overrides and isolates and U+2028/U+2029 are
/// already refused while reading (<see cref="WorkflowErrorCodes.ControlCharacter"/>), so such a value never reaches
/// these rules and is not reported twice. Addresses and numbers are looked for in the text as a phone shows it:
/// invisible characters removed, full-width forms folded to ASCII, the ideographic full stop read as a dot; digits are
/// any script's decimal digits.
/// </remarks>
internal static partial class CustomerTextRules
{
    private const int MaxNamedCharacters = 5;
    private const int FullWidthFirst = 0xFF01;
    private const int FullWidthLast = 0xFF5E;
    private const int FullWidthOffset = 0xFF01 - '!';

    /// <summary>
    /// Optional customer-facing text: true when absent; false when blank or too long (<see cref="TextRules"/>) or when
    /// it holds an invisible character, a web address or a phone number (each reported).
    /// </summary>
    public static bool Check(string? value, string path, int maxLength, ValidationErrors errors)
    {
        if (value is null)
        {
            return true;
        }

        if (!TextRules.Check(value, path, maxLength, errors))
        {
            return false;
        }

        var invisible = CodePoints(value).Where(IsInvisible).Distinct().ToList();
        if (invisible.Count > 0)
        {
            var named = string.Join(", ", invisible.Take(MaxNamedCharacters).Select(c => "U+" + c.ToString("X4", CultureInfo.InvariantCulture)));
            errors.Add(path, WorkflowErrorCodes.TextContainsInvisibleCharacter,
                $"Must not contain invisible, formatting or bidirectional characters; found {named}.");
        }

        var shown = AsShown(value);
        var url = UrlPattern().IsMatch(shown);
        if (url)
        {
            errors.Add(path, WorkflowErrorCodes.TextContainsUrl,
                "Must not contain a web address (a link, www., an IP address or a domain name such as example.com); LinX adds the only link.");
        }

        var phone = PhoneNumberPattern().IsMatch(shown);
        if (phone)
        {
            errors.Add(path, WorkflowErrorCodes.TextContainsPhoneNumber, "Must not contain a phone number (7 or more digits).");
        }

        return invisible.Count == 0 && !url && !phone;
    }

    /// <summary>
    /// Unicode categories Cf (zero-width characters, bidi marks, soft hyphen, BOM, tag characters), Co, Cn and Cs
    /// (a lone surrogate), the fillers that render as blanks, and the line and paragraph separators.
    /// </summary>
    private static bool IsInvisible(int codePoint) =>
        CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.Format or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator
        || codePoint is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;

    /// <summary>
    /// The text as a phone shows it: invisible characters dropped, full-width forms (U+FF01–U+FF5E) as their ASCII
    /// letters, digits and punctuation, and the dots that read as one (ideographic and small full stops, one-dot
    /// leader) as dots. By hand: the build runs with invariant globalization, where NFKC folds nothing.
    /// </summary>
    private static string AsShown(string value)
    {
        var shown = new StringBuilder(value.Length);
        foreach (var codePoint in CodePoints(value).Where(c => !IsInvisible(c)))
        {
            switch (codePoint)
            {
                case >= FullWidthFirst and <= FullWidthLast:
                    shown.Append((char)(codePoint - FullWidthOffset));
                    break;
                case 0x3002 or 0xFF61 or 0xFE52 or 0x2024:
                    shown.Append('.');
                    break;
                default:
                    shown.Append(char.ConvertFromUtf32(codePoint));
                    break;
            }
        }

        return shown.ToString();
    }

    /// <summary>The code points of a string; a lone surrogate is its own code point (category Cs), not U+FFFD.</summary>
    private static IEnumerable<int> CodePoints(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsSurrogatePair(value, i))
            {
                yield return char.ConvertToUtf32(value[i], value[i + 1]);
                i++;
            }
            else
            {
                yield return value[i];
            }
        }
    }

    // A scheme followed by // (or \\, which browsers read as //); www.; an IPv4 address; or a bare domain: labels of
    // letters, digits and hyphens, a dot, and a top-level domain of two or more letters at a word boundary. "e.g.",
    // "Mr. Smith" and "3.50" are not domains: a one-letter or numeric last label, or a space after the dot.
    [GeneratedRegex(
        @"\b\p{L}[\p{L}\p{N}+.\-]*:\s*[/\\]{2}|\bwww\d{0,3}\.|\b\d{1,3}(?:\.\d{1,3}){3}\b"
            + @"|(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}\-])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    // Seven or more digits, possibly separated by spaces, dots, dashes or parentheses, with an optional leading +.
    [GeneratedRegex(@"\+?\d(?:[\p{Zs}.()\p{Pd}]*\d){6,}", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumberPattern();
}
