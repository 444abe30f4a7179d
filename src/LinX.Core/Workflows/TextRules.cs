namespace LinX.Core.Workflows;

/// <summary>Checks free text: not blank, not too long (in code points, so an emoji counts once).</summary>
internal static class TextRules
{
    /// <summary>C0/C1 controls, and the bidirectional overrides used to disguise text in SMS and logs.</summary>
    public static bool HasForbiddenCharacter(string value, bool allowLineBreaks) =>
        value.Any(c => (char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t')) || IsBidiControl(c) || c is '\u2028' or '\u2029');

    public static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    public static int Length(string value) => value.EnumerateRunes().Count();

    /// <summary>Reports a blank or too long <paramref name="value"/>; true when it is fine.</summary>
    public static bool Check(string value, string path, int maxLength, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(path, WorkflowErrorCodes.StringEmpty, "Must not be empty.");
            return false;
        }

        if (Length(value) > maxLength)
        {
            errors.Add(path, WorkflowErrorCodes.StringTooLong, $"Must be at most {maxLength} characters.");
            return false;
        }

        return true;
    }
}
