using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using LinX.Core.Management;
using LinX.Core.Workflows;

namespace LinX.Core.Batches;

/// <summary>
/// Reads <c>POST /api/linx/workflow-batches</c>: <c>header { useTemplate { templateId | templateName }, requestsInBatch,
/// idempotencyKey }</c> and <c>payload { batchEntries [...] }</c>. Checks the header and the shape of the payload, and
/// reports every problem of them at once; each entry is kept as sent, to be validated on its own (an invalid entry
/// rejects that entry, not the batch). Never throws for any input.
/// </summary>
public static class BatchRequestReader
{
    public const string HeaderPath = "$.header";
    public const string TemplatePath = "$.header.useTemplate";
    public const string CountPath = "$.header.requestsInBatch";
    public const string KeyPath = "$.header.idempotencyKey";
    public const string EntriesPath = "$.payload.batchEntries";

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = WorkflowLimits.MaxJsonDepth + 2 };

    /// <summary>The batch, or every problem of its header and payload.</summary>
    public static (BatchRequest? Request, IReadOnlyList<FieldError> Errors) Read(ReadOnlySpan<byte> utf8Json)
    {
        var errors = new List<FieldError>();
        if (!Utf8.IsValid(utf8Json))
        {
            return (null, [new FieldError(JsonPath.Root, "The body must be UTF-8.", WorkflowErrorCodes.InvalidEncoding)]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), DocumentOptions);
        }
        catch (JsonException e)
        {
            return (null, [new FieldError(JsonPath.Root, $"The body is not valid JSON (line {e.LineNumber + 1}).", WorkflowErrorCodes.MalformedJson)]);
        }

        using (document)
        {
            var root = Object(document.RootElement, JsonPath.Root, ["header", "payload"], errors);
            var header = Object(Child(root, "header", JsonPath.Root, errors), HeaderPath, ["useTemplate", "requestsInBatch", "idempotencyKey"], errors);
            var (templateId, templateName) = Template(Child(header, "useTemplate", HeaderPath, errors), errors);
            var count = Count(Child(header, "requestsInBatch", HeaderPath, errors), errors);
            var key = Key(header, errors);
            var payload = Object(Child(root, "payload", JsonPath.Root, errors), "$.payload", ["batchEntries"], errors);
            var entries = Entries(Child(payload, "batchEntries", "$.payload", errors), errors);
            if (count is { } n && entries is not null && entries.Count != n)
            {
                errors.Add(new FieldError(CountPath, $"requestsInBatch is {n} but payload.batchEntries has {entries.Count} entries; they must match.", ServiceErrorCodes.BatchEntryCountMismatch));
            }

            return errors.Count > 0 ? (null, errors) : (new BatchRequest(templateId, templateName, key, entries!), errors);
        }
    }

    private static JsonElement? Object(JsonElement? element, string path, string[] known, List<FieldError> errors)
    {
        if (element is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(path, "Must be an object.", WorkflowErrorCodes.InvalidType));
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var at = JsonPath.Property(path, property.Name);
            if (!seen.Add(property.Name))
            {
                errors.Add(new FieldError(at, "This field is given twice.", WorkflowErrorCodes.DuplicateKey));
            }
            else if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(new FieldError(at, $"Unknown field; {path} takes {string.Join(", ", known)}.", WorkflowErrorCodes.UnknownField));
            }
        }

        return value;
    }

    private static JsonElement? Child(JsonElement? parent, string name, string parentPath, List<FieldError> errors, bool required = true)
    {
        if (parent is not { } value)
        {
            return null;
        }

        if (value.TryGetProperty(name, out var child) && child.ValueKind != JsonValueKind.Null)
        {
            return child;
        }

        if (required)
        {
            errors.Add(new FieldError(JsonPath.Property(parentPath, name), "Required.", WorkflowErrorCodes.FieldRequired));
        }

        return null;
    }

    private static (Guid? Id, string? Name) Template(JsonElement? useTemplate, List<FieldError> errors)
    {
        var template = Object(useTemplate, TemplatePath, ["templateId", "templateName"], errors);
        if (template is not { } value)
        {
            return (null, null);
        }

        var id = Text(Child(value, "templateId", TemplatePath, errors, required: false), TemplatePath + ".templateId", 100, errors);
        var name = Text(Child(value, "templateName", TemplatePath, errors, required: false), TemplatePath + ".templateName", 100, errors);
        if ((id is null) == (name is null))
        {
            errors.Add(id is null
                ? new FieldError(TemplatePath + ".templateId", "Give templateId or templateName.", WorkflowErrorCodes.FieldRequired)
                : new FieldError(TemplatePath + ".templateName", "Give templateId or templateName, not both.", ServiceErrorCodes.TemplateReferenceConflict));
            return (null, null);
        }

        if (id is not null && !Guid.TryParseExact(id, "D", out _))
        {
            errors.Add(new FieldError(TemplatePath + ".templateId", $"{GivenValue.Quote(id)} is not a UUID.", WorkflowErrorCodes.InvalidUuid));
            return (null, null);
        }

        return (id is null ? null : Guid.ParseExact(id, "D"), name);
    }

    private static int? Count(JsonElement? element, List<FieldError> errors)
    {
        if (element is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var n))
        {
            errors.Add(new FieldError(CountPath, "Must be a whole number from 1 to 10000.", WorkflowErrorCodes.NotWholeNumber));
            return null;
        }

        if (n is < 1 or > BatchLimits.MaxEntries)
        {
            errors.Add(new FieldError(CountPath, string.Create(CultureInfo.InvariantCulture, $"requestsInBatch is {n}; it must be from 1 to {BatchLimits.MaxEntries}."), WorkflowErrorCodes.ValueOutOfRange));
            return null;
        }

        return n;
    }

    private static string? Key(JsonElement? header, List<FieldError> errors)
    {
        var key = Text(Child(header, "idempotencyKey", HeaderPath, errors, required: false), KeyPath, int.MaxValue, errors);
        if (key is not null && !WorkflowService.IsValidIdempotencyKey(key))
        {
            errors.Add(new FieldError(KeyPath, "idempotencyKey must be 6 to 255 visible ASCII characters.", ServiceErrorCodes.IdempotencyKeyInvalid));
            return null;
        }

        return key;
    }

    private static List<string>? Entries(JsonElement? element, List<FieldError> errors)
    {
        if (element is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new FieldError(EntriesPath, "Must be an array of entries.", WorkflowErrorCodes.InvalidType));
            return null;
        }

        var entries = new List<string>(value.GetArrayLength());
        foreach (var entry in value.EnumerateArray())
        {
            var path = EntriesPath + "[" + entries.Count.ToString(CultureInfo.InvariantCulture) + "]";
            var raw = entry.GetRawText();
            if (entry.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new FieldError(path, "Each entry must be an object.", WorkflowErrorCodes.InvalidType));
            }
            else if (raw.Length > BatchLimits.MaxEntryBytes)
            {
                errors.Add(new FieldError(path, $"An entry may be at most {BatchLimits.MaxEntryBytes} bytes.", WorkflowErrorCodes.BodyTooLarge));
            }

            entries.Add(raw);
            if (errors.Count >= WorkflowLimits.MaxErrors)
            {
                return null;
            }
        }

        if (entries.Count is 0 or > BatchLimits.MaxEntries)
        {
            errors.Add(new FieldError(EntriesPath, $"A batch has 1 to {BatchLimits.MaxEntries} entries.", WorkflowErrorCodes.ValueOutOfRange));
        }

        return entries;
    }

    private static string? Text(JsonElement? element, string path, int maxLength, List<FieldError> errors)
    {
        if (element is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new FieldError(path, "Must be a string.", WorkflowErrorCodes.InvalidType));
            return null;
        }

        var text = value.GetString()!;
        if (text.Length == 0 || text.Length > maxLength)
        {
            errors.Add(new FieldError(path, text.Length == 0 ? "Must not be empty." : $"At most {maxLength} characters.", text.Length == 0 ? WorkflowErrorCodes.StringEmpty : WorkflowErrorCodes.StringTooLong));
            return null;
        }

        return text;
    }
}
