namespace LinX.Core.Workflows;

/// <summary>
/// A value the client sent, quoted for an error message so that it says what was wrong with it (<c>"abc" is not a
/// number</c>). Only for values that are never personal data (numbers, dates, enum names, query parameters): short
/// printable ASCII is echoed, anything else is described, never copied.
/// </summary>
public static class GivenValue
{
    private const int MaxEchoed = 40;

    public static string Quote(string value) =>
        value.Length is > 0 and <= MaxEchoed && value.All(c => c is >= ' ' and <= '~')
            ? "\"" + value + "\""
            : value.Length == 0 ? "An empty string" : "The value given";
}
