using System.Globalization;

namespace LinX.Core.Businesses;

/// <summary>
/// The business's accent colour (<c>#RRGGBB</c>): the Gateway page's primary buttons use it behind white text, so it
/// must reach the WCAG 2.1 contrast ratio of <see cref="MinContrastWithWhite"/> (AA for normal text) against white.
/// </summary>
public static class AccentColor
{
    /// <summary>The least contrast ratio with white text (WCAG 2.1 AA, normal text).</summary>
    public const double MinContrastWithWhite = 4.5;

    /// <summary>Whether <paramref name="text"/> is <c>#</c> and six hexadecimal digits.</summary>
    public static bool IsWellFormed(string text) =>
        text is ['#', _, _, _, _, _, _] && text.Skip(1).All(char.IsAsciiHexDigit);

    /// <summary>The contrast ratio of white text on the colour (1 to 21); the colour is well formed.</summary>
    public static double ContrastWithWhite(string color)
    {
        ArgumentNullException.ThrowIfNull(color);
        var rgb = int.Parse(color.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var luminance = (0.2126 * Linear(rgb >> 16)) + (0.7152 * Linear((rgb >> 8) & 0xFF)) + (0.0722 * Linear(rgb & 0xFF));
        return 1.05 / (luminance + 0.05);
    }

    /// <summary>The colour upper-cased (<c>#1A5FB4</c>), so equal colours are equal strings.</summary>
    public static string Normalize(string color) => color.ToUpperInvariant();

    // sRGB channel to linear light (WCAG 2.1 relative luminance).
    private static double Linear(int channel)
    {
        var c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
