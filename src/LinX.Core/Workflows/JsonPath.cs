using System.Globalization;
using System.Text;

namespace LinX.Core.Workflows;

/// <summary>Builds the JSON paths of errors: <c>$.parameters.amount</c>, <c>$.steps[2].name</c>, <c>$['odd key']</c>.</summary>
internal static class JsonPath
{
    public const string Root = "$";
    public const string Title = "$.title";
    public const string ExpireIn = "$.expireIn";
    public const string ExpireInHours = "$.expireInHours";
    public const string Parameters = "$.parameters";
    public const string Steps = "$.steps";
    public const string Passcode = "$.passcode";
    public const string CustomerMemo = "$.customerMemo";
    public const string Locale = "$.locale";

    private const int MaxEchoedNameLength = 64;

    public static string Parameter(string name) => Property(Parameters, name);

    public static string Step(int index) => Item(Steps, index);

    public static string StepName(int index) => Step(index) + ".name";

    public static string StepInputs(int index) => Step(index) + ".inputs";

    public static string StepUserInputs(int index) => StepInputs(index) + ".user";

    public static string Item(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>The path of a property; unknown names are truncated and escaped, never echoed raw.</summary>
    public static string Property(string parent, string name) =>
        IsIdentifier(name) && name.Length <= MaxEchoedNameLength
            ? parent + "." + name
            : parent + "['" + Escape(name) + "']";

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string Escape(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Length > MaxEchoedNameLength ? name[..MaxEchoedNameLength] : name)
        {
            if (c is '\'' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || TextRules.IsBidiControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return name.Length > MaxEchoedNameLength ? builder.Append("...").ToString() : builder.ToString();
    }
}
