using System.Text.Json;
using LinX.Core.Workflows;

namespace LinX.Core.Gateway;

/// <summary>Reads a small JSON object body and collects every field error (paths like <c>$.address.postalCode</c>).</summary>
internal sealed class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    private JsonBody(List<FieldError> errors)
    {
        Errors = errors;
    }

    public List<FieldError> Errors { get; }

    /// <summary>Parses the body; on malformed JSON, a non-object or an oversize body, returns null and the error.</summary>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> body, out FieldError? error)
    {
        error = null;
        if (body.Length > MaxBytes)
        {
            error = new FieldError("$", "The body is larger than 64 KiB.", WorkflowErrorCodes.BodyTooLarge);
            return null;
        }

        // JsonDocument only checks the UTF-8 of a string when it is read: an invalid byte would throw there (a 500).
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            error = new FieldError("$", "The body is not valid UTF-8.", WorkflowErrorCodes.InvalidEncoding);
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8, AllowDuplicateProperties = false });
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            error = new FieldError("$", "The body must be a JSON object.", WorkflowErrorCodes.InvalidType);
        }
        catch (JsonException)
        {
            error = new FieldError("$", "The body is not valid JSON.", WorkflowErrorCodes.MalformedJson);
        }

        return null;
    }

    public static JsonBody Collect() => new([]);

    /// <summary>A required (or optional) string of at most <paramref name="maxLength"/> characters, trimmed.</summary>
    public string? String(JsonElement parent, string name, string path, int maxLength, bool required = true)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Errors.Add(new FieldError(path, $"'{name}' is required.", WorkflowErrorCodes.FieldRequired));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Errors.Add(new FieldError(path, $"'{name}' must be a string.", WorkflowErrorCodes.InvalidType));
            return null;
        }

        if (Text(value) is not { } raw)
        {
            Errors.Add(new FieldError(path, $"'{name}' holds an unpaired surrogate escape.", WorkflowErrorCodes.InvalidEncoding));
            return null;
        }

        var text = raw.Trim();
        if (required && text.Length == 0)
        {
            Errors.Add(new FieldError(path, $"'{name}' is required.", WorkflowErrorCodes.FieldRequired));
            return null;
        }

        // Names and addresses end up in SMS, records and the business's systems: no control or bidi-override characters.
        if (Workflows.TextRules.HasForbiddenCharacter(text, allowLineBreaks: false))
        {
            Errors.Add(new FieldError(path, $"'{name}' contains a control character.", WorkflowErrorCodes.ControlCharacter));
            return null;
        }

        if (text.Length > maxLength)
        {
            Errors.Add(new FieldError(path, $"'{name}' must be at most {maxLength} characters.", WorkflowErrorCodes.StringTooLong));
            return null;
        }

        return text.Length == 0 ? null : text;
    }

    /// <summary>A required <c>true</c>.</summary>
    public bool True(JsonElement parent, string name)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True)
        {
            return true;
        }

        Errors.Add(new FieldError("$." + name, $"'{name}' must be true.", WorkflowErrorCodes.FieldRequired));
        return false;
    }

    public void Add(string path, string message, string code) => Errors.Add(new FieldError(path, message, code));

    /// <summary>A JSON string's text, or null when it holds an unpaired surrogate escape (<c>"\ud800"</c>), which GetString throws on.</summary>
    public static string? Text(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
