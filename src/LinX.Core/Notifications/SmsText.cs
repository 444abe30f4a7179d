using System.Globalization;
using System.Text;

namespace LinX.Core.Notifications;

/// <summary>SMS segment arithmetic (GSM 03.38 basic and extension tables, else UCS-2).</summary>
public static class SmsText
{
    public const int TwoGsmSegments = 306;
    public const int TwoUcs2Segments = 134;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    /// <summary>True when every character is in the GSM-7 alphabet (basic or extension).</summary>
    public static bool IsGsm7(string text) => text.All(c => Basic.Contains(c, StringComparison.Ordinal) || Extension.Contains(c, StringComparison.Ordinal));

    /// <summary>
    /// The text with what GSM-7 lacks replaced by its closest GSM-7 letter where there is one (ë → e, ô → o, ’ → '),
    /// so that one accented name does not turn the whole SMS into UCS-2 (134 characters in two segments instead of
    /// 306). Letters GSM-7 has (é, è, à) stay; characters with no GSM-7 likeness (emoji, other scripts) stay too.
    /// </summary>
    public static string FoldToGsm7(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsGsm7(text))
        {
            return text;
        }

        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            folded.Append(Fold(c));
        }

        return folded.ToString();
    }

    /// <summary>Number of segments the text needs.</summary>
    public static int Segments(string text)
    {
        if (IsGsm7(text))
        {
            var septets = text.Sum(c => Extension.Contains(c, StringComparison.Ordinal) ? 2 : 1);
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }

        return text.Length <= 70 ? 1 : (text.Length + 66) / 67;
    }

    private static string Fold(char c)
    {
        var text = c.ToString();
        if (IsGsm7(text) || char.IsSurrogate(c))
        {
            return text;
        }

        switch (c)
        {
            case '\u2018' or '\u2019' or '\u02BC':
                return "'";
            case '\u201C' or '\u201D' or '\u00AB' or '\u00BB':
                return "\"";
            case '\u2013' or '\u2014':
                return "-";
            case '\u00A0' or '\u202F':
                return " ";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var letter = decomposed[..1];
        return decomposed.Length > 1 && IsGsm7(letter) && decomposed.Skip(1).All(m => CharUnicodeInfo.GetUnicodeCategory(m) == UnicodeCategory.NonSpacingMark)
            ? letter
            : text;
    }
}
