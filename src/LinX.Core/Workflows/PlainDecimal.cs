using System.Globalization;

namespace LinX.Core.Workflows;

/// <summary>
/// Parses numeric strings of the contract: plain decimals only (<c>"2"</c>, <c>"256.25"</c>,
/// <c>"-1"</c>). No exponent, whitespace, '+', thousands separator or hex, so that a string means
/// the same number to every client and every culture.
/// </summary>
internal static class PlainDecimal
{
    public static bool TryParse(string text, out decimal value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > WorkflowLimits.MaxNumericStringLength || !IsPlain(text))
        {
            return false;
        }

        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsPlain(string text)
    {
        var start = text[0] == '-' ? 1 : 0;
        var digitsBefore = 0;
        var digitsAfter = 0;
        var seenPoint = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                _ = seenPoint ? digitsAfter++ : digitsBefore++;
            }
            else
            {
                return false;
            }
        }

        return digitsBefore > 0 && (!seenPoint || digitsAfter > 0);
    }
}
