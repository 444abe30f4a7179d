using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LinX.Core.Workflows;

namespace LinX.Core.Templates;

/// <summary>
/// Reads a template create or update body (RocketKOR's shape: <c>name</c>, <c>displayName</c>, <c>description</c>,
/// <c>customerMemo</c>, <c>defaultExpiryDays</c>, <c>definition.steps[{ name, input: { user, preDefined } }]</c>) and
/// checks what only a template has (its name, display name and description). Every other rule is the workflow request's,
/// applied by <see cref="TemplateWorkflows.Validate"/>. Never throws for any input.
/// </summary>
public static partial class TemplateRequestReader
{
    /// <summary>The longest name, display name and description.</summary>
    public const int MaxNameLength = 100;

    public const int MaxDescriptionLength = 500;

    /// <summary>The draft and every problem found, reading and checking it by the workflow rules (times by <paramref name="time"/>).</summary>
    public static (TemplateDraft? Draft, IReadOnlyList<FieldError> Errors) Read(ReadOnlySpan<byte> utf8Json, TimeProvider time)
    {
        var (read, errors) = JsonObjectBody.Read(utf8Json, (root, errors) => ReadDraft(root, errors, time));
        return read.Draft is { } draft ? (draft, [.. errors, .. read.RuleErrors]) : (null, errors);
    }

    /// <summary>The draft with the problems of its shape and own fields in <paramref name="errors"/>, and those of the workflow rules apart.</summary>
    private static (TemplateDraft Draft, IReadOnlyList<FieldError> RuleErrors) ReadDraft(JsonElement root, ValidationErrors errors, TimeProvider time)
    {
        var values = new JsonValueReader(errors);
        var draft = new TemplateDraft();
        var definitionSeen = false;
        foreach (var property in root.EnumerateObject())
        {
            var path = JsonPath.Property(JsonPath.Root, property.Name);
            var value = property.Value;
            switch (property.Name)
            {
                case "name": draft = draft with { Name = values.ReadString(value, path) }; break;
                case "displayName": draft = draft with { DisplayName = values.ReadString(value, path) }; break;
                case "description": draft = draft with { Description = values.ReadString(value, path, allowLineBreaks: true) }; break;
                case "customerMemo": draft = draft with { CustomerMemo = values.ReadString(value, path, allowLineBreaks: true) }; break;
                case "defaultExpiryDays": draft = draft with { DefaultExpiryDays = values.ReadWholeNumber(value, path) }; break;
                case "definition":
                    definitionSeen = true;
                    draft = draft with { Steps = ReadDefinition(value, errors) };
                    break;
                default: errors.Add(path, WorkflowErrorCodes.UnknownField, "Unknown field."); break;
            }
        }

        CheckOwnFields(draft, definitionSeen, errors);
        return (draft, [.. TemplateWorkflows.Validate(draft.Steps ?? [], draft.CustomerMemo, draft.DefaultExpiryDays, time)
            .Where(e => draft.Steps is not null || !e.Path.StartsWith("$.definition", StringComparison.Ordinal))]);
    }

    /// <summary>Whether <paramref name="name"/> is a template name: a letter or digit, then letters, digits, '.', '_' or '-'.</summary>
    public static bool IsName(string name) => name.Length <= MaxNameLength && NamePattern().IsMatch(name);

    private static void CheckOwnFields(TemplateDraft draft, bool definitionSeen, ValidationErrors errors)
    {
        if (draft.Name is { } name && !IsName(name))
        {
            errors.Add("$.name", WorkflowErrorCodes.InvalidValue,
                $"A name is 1 to {MaxNameLength} letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. create-customer-and-enhance-profile).");
        }

        if (draft.DisplayName is { } displayName)
        {
            TextRules.Check(displayName, "$.displayName", MaxNameLength, errors);
        }
        else if (!errors.IsRejected("$.displayName"))
        {
            errors.Add("$.displayName", WorkflowErrorCodes.FieldRequired, "The displayName is required.");
        }

        ValueRules.Text(draft.Description, "$.description", MaxDescriptionLength, errors);
        if (!definitionSeen)
        {
            errors.Add("$.definition", WorkflowErrorCodes.FieldRequired, "The definition (its steps) is required.");
        }
    }

    private static List<TemplateStep>? ReadDefinition(JsonElement definition, ValidationErrors errors)
    {
        if (definition.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$.definition", WorkflowErrorCodes.InvalidType, "Must be an object such as { \"steps\": [...] }.");
            return null;
        }

        List<TemplateStep>? steps = null;
        foreach (var property in definition.EnumerateObject())
        {
            if (property.Name != "steps")
            {
                errors.Add(JsonPath.Property("$.definition", property.Name), WorkflowErrorCodes.UnknownField, "Unknown field; a definition has steps.");
            }
            else if (property.Value.ValueKind != JsonValueKind.Array)
            {
                errors.Add("$.definition.steps", WorkflowErrorCodes.InvalidType, "Must be an array of steps.");
            }
            else
            {
                steps = [.. property.Value.EnumerateArray().Select((step, i) => ReadStep(step, $"$.definition.steps[{i}]", errors))];
            }
        }

        return steps;
    }

    private static TemplateStep ReadStep(JsonElement step, string path, ValidationErrors errors)
    {
        if (step.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, WorkflowErrorCodes.InvalidType, "A step must be an object such as { \"name\": \"notification\" }.");
            return new TemplateStep(string.Empty);
        }

        var result = new TemplateStep(string.Empty);
        foreach (var property in step.EnumerateObject())
        {
            var propertyPath = JsonPath.Property(path, property.Name);
            if (property.Name == "name")
            {
                result = result with { Name = new JsonValueReader(errors).ReadString(property.Value, propertyPath) ?? string.Empty };
            }
            else if (property.Name == "input" && property.Value.ValueKind == JsonValueKind.Object)
            {
                result = ReadInput(result, property.Value, propertyPath, errors);
            }
            else
            {
                errors.Add(propertyPath, property.Name == "input" ? WorkflowErrorCodes.InvalidType : WorkflowErrorCodes.UnknownField,
                    property.Name == "input" ? "Must be an object: { \"user\": {...}, \"preDefined\": {...} }." : "Unknown field; a step has a name and an input.");
            }
        }

        return result;
    }

    private static TemplateStep ReadInput(TemplateStep step, JsonElement input, string path, ValidationErrors errors)
    {
        foreach (var property in input.EnumerateObject())
        {
            var propertyPath = JsonPath.Property(path, property.Name);
            var value = property.Value.ValueKind == JsonValueKind.Object ? JsonNode.Parse(property.Value.GetRawText()) as JsonObject : null;
            if (property.Name is not ("user" or "preDefined"))
            {
                errors.Add(propertyPath, WorkflowErrorCodes.UnknownField, "Unknown field; an input has user and preDefined.");
            }
            else if (value is null)
            {
                errors.Add(propertyPath, WorkflowErrorCodes.InvalidType, "Must be an object.");
            }
            else
            {
                step = property.Name == "user" ? step with { User = value } : step with { PreDefined = value };
            }
        }

        return step;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
