using System.Globalization;
using System.Text.Json;

namespace LinX.Core.Workflows;

/// <summary>
/// Reads single JSON values of the contract (strings, booleans, numbers as number or plain numeric
/// string), reporting a wrong type, an unreadable number or a forbidden character and rejecting the
/// path, so that later rules do not report the value again as missing.
/// </summary>
internal sealed class JsonValueReader(ValidationErrors errors)
{
    public string? ReadString(JsonElement element, string path, bool allowLineBreaks = false)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                break;
            default:
                errors.Reject(path, WorkflowErrorCodes.InvalidType, "Must be a string.");
                return null;
        }

        string value;
        try
        {
            value = element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            errors.Reject(path, WorkflowErrorCodes.InvalidEncoding, "Holds an unpaired surrogate escape.");
            return null;
        }

        if (TextRules.HasForbiddenCharacter(value, allowLineBreaks))
        {
            errors.Reject(path, WorkflowErrorCodes.ControlCharacter, "Must not contain control or bidirectional-override characters.");
            return null;
        }

        return value;
    }

    public bool? ReadBoolean(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Null:
                return null;
            default:
                errors.Reject(path, WorkflowErrorCodes.InvalidType, "Must be true or false.");
                return null;
        }
    }

    public decimal? ReadDecimal(JsonElement element, string path) => ReadNumber(element, path, "a plain decimal number such as \"256.25\" (no exponent, spaces or '+')");

    public int? ReadWholeNumber(JsonElement element, string path)
    {
        var value = ReadNumber(element, path, "a whole number such as \"2\"");
        if (value is null)
        {
            return null;
        }

        if (!decimal.IsInteger(value.Value))
        {
            errors.Reject(path, WorkflowErrorCodes.NotWholeNumber, $"{value.Value.ToString(CultureInfo.InvariantCulture)} is not a whole number: it takes one such as \"2\".");
            return null;
        }

        if (value is < int.MinValue or > int.MaxValue)
        {
            errors.Reject(path, WorkflowErrorCodes.ValueOutOfRange, "The number is out of range.");
            return null;
        }

        return (int)value.Value;
    }

    // A JSON number or a numeric string; the message names what the field takes (expected) and quotes the value given.
    private decimal? ReadNumber(JsonElement element, string path, string expected)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number when element.TryGetDecimal(out var number):
                return number;
            case JsonValueKind.Number:
                errors.Reject(path, WorkflowErrorCodes.ValueOutOfRange, "The number is out of range.");
                return null;
            case JsonValueKind.String:
                var text = ReadString(element, path);
                if (text is not null && PlainDecimal.TryParse(text, out var parsed))
                {
                    return parsed;
                }

                if (!errors.IsRejected(path))
                {
                    errors.Reject(path, WorkflowErrorCodes.InvalidNumber, $"{GivenValue.Quote(text ?? string.Empty)} is not a number: it must be {expected}.");
                }

                return null;
            default:
                errors.Reject(path, WorkflowErrorCodes.InvalidType, $"Must be {expected}, as a JSON number or string.");
                return null;
        }
    }
}
