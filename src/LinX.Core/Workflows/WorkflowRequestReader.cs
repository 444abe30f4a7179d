using System.Text.Json;
using System.Text.Unicode;

namespace LinX.Core.Workflows;

/// <summary>
/// Reads the posted bytes into a <see cref="WorkflowRequest"/>, reporting every problem of shape:
/// encoding, malformed JSON, wrong types, duplicated keys, unknown fields and parameters,
/// unreadable numbers and forbidden characters. Rejected values are left null (and marked rejected).
/// </summary>
internal sealed class WorkflowRequestReader(ValidationErrors errors)
{
    private readonly JsonValueReader _values = new(errors);

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = WorkflowLimits.MaxJsonDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    public WorkflowRequest? Read(ReadOnlySpan<byte> utf8Json)
    {
        using var document = Parse(utf8Json, errors);
        return document is null ? null : ReadRoot(document.RootElement);
    }

    /// <summary>The body as a JSON document, or null with the problem reported: too large, empty, not UTF-8, not JSON.</summary>
    internal static JsonDocument? Parse(ReadOnlySpan<byte> utf8Json, ValidationErrors errors)
    {
        if (utf8Json.Length > WorkflowLimits.MaxBodyBytes)
        {
            errors.Add(JsonPath.Root, WorkflowErrorCodes.BodyTooLarge, $"The body must be at most {WorkflowLimits.MaxBodyBytes} bytes.");
            return null;
        }

        // RFC 8259 lets a parser ignore a UTF-8 byte order mark; some clients send one.
        if (utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8Json = utf8Json[3..];
        }

        if (utf8Json.Trim((ReadOnlySpan<byte>)" \t\r\n"u8).IsEmpty)
        {
            errors.Add(JsonPath.Root, WorkflowErrorCodes.EmptyBody, "The body is empty; send a workflow request as JSON.");
            return null;
        }

        if (!Utf8.IsValid(utf8Json))
        {
            errors.Add(JsonPath.Root, WorkflowErrorCodes.InvalidEncoding, "The body must be UTF-8.");
            return null;
        }

        try
        {
            return JsonDocument.Parse(utf8Json.ToArray(), DocumentOptions);
        }
        catch (JsonException ex)
        {
            errors.Add(JsonPath.Root, WorkflowErrorCodes.MalformedJson,
                $"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
            return null;
        }
    }

    private WorkflowRequest? ReadRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(JsonPath.Root, WorkflowErrorCodes.InvalidType, "The body must be a JSON object.");
            return null;
        }

        var request = new WorkflowRequest();
        foreach (var (name, value, path) in Properties(root, JsonPath.Root))
        {
            request = name switch
            {
                "title" => request with { Title = _values.ReadString(value, path) },
                "expireIn" => request with { ExpireIn = _values.ReadWholeNumber(value, path) },
                "expireInHours" => request with { ExpireInHours = _values.ReadWholeNumber(value, path) },
                "parameters" => request with { Parameters = ReadParameters(value) },
                "steps" => request with { Steps = ReadSteps(value) },
                "passcode" => request with { Passcode = _values.ReadBoolean(value, path) },
                "customerMemo" => request with { CustomerMemo = _values.ReadString(value, path, allowLineBreaks: true) },
                "locale" => request with { Locale = _values.ReadString(value, path) },
                _ => Unknown(request, path, WorkflowErrorCodes.UnknownField, "Unknown field."),
            };
        }

        return request;
    }

    private WorkflowRequestParameters? ReadParameters(JsonElement element)
    {
        if (!IsObject(element, JsonPath.Parameters))
        {
            return null;
        }

        var strings = new Dictionary<string, string?>(StringComparer.Ordinal);
        decimal? amount = null;
        foreach (var (name, value, path) in Properties(element, JsonPath.Parameters))
        {
            if (name == WorkflowParameterNames.Amount)
            {
                amount = _values.ReadDecimal(value, path);
            }
            else if (StepCatalog.ParameterNames.Contains(name))
            {
                strings[name] = _values.ReadString(value, path, allowLineBreaks: false);
            }
            else
            {
                errors.Add(path, WorkflowErrorCodes.UnknownParameter, "No step defines this parameter.");
            }
        }

        return WorkflowRequestParameters.From(strings, amount);
    }

    private List<WorkflowRequestStep>? ReadSteps(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Reject(JsonPath.Steps, WorkflowErrorCodes.InvalidType, "Must be an array of steps.");
            return null;
        }

        if (element.GetArrayLength() > WorkflowLimits.MaxSteps)
        {
            errors.Reject(JsonPath.Steps, WorkflowErrorCodes.TooManySteps, $"At most {WorkflowLimits.MaxSteps} steps.");
            return null;
        }

        var steps = new List<WorkflowRequestStep>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            steps.Add(ReadStep(item, index++));
        }

        return steps;
    }

    private WorkflowRequestStep ReadStep(JsonElement element, int index)
    {
        var stepPath = JsonPath.Step(index);
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Reject(stepPath, WorkflowErrorCodes.InvalidType, "A step must be an object such as { \"name\": \"notification\" }.");
            return new WorkflowRequestStep(null);
        }

        string? name = null;
        foreach (var (key, value, path) in Properties(element, stepPath))
        {
            if (key == "name")
            {
                name = _values.ReadString(value, path);
            }
            else
            {
                errors.Add(path, WorkflowErrorCodes.UnknownField, "Unknown field; a step only has a name.");
            }
        }

        return new WorkflowRequestStep(name);
    }

    private bool IsObject(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Null)
        {
            errors.Reject(path, WorkflowErrorCodes.InvalidType, "Must be an object.");
        }

        return false;
    }

    /// <summary>The properties of an object, without the duplicates (reported) and unreadable names (reported).</summary>
    private IEnumerable<(string Name, JsonElement Value, string Path)> Properties(JsonElement element, string parentPath)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            string name;
            try
            {
                name = property.Name;
            }
            catch (InvalidOperationException)
            {
                errors.Add(parentPath, WorkflowErrorCodes.InvalidEncoding, "A key holds an unpaired surrogate escape.");
                continue;
            }

            var path = JsonPath.Property(parentPath, name);
            if (!seen.Add(name))
            {
                errors.Add(path, WorkflowErrorCodes.DuplicateKey, "This key appears more than once.");
                continue;
            }

            yield return (name, property.Value, path);
        }
    }

    private WorkflowRequest Unknown(WorkflowRequest request, string path, string code, string message)
    {
        errors.Add(path, code, message);
        return request;
    }
}
