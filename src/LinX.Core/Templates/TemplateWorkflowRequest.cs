using System.Text.Json;
using System.Text.Json.Nodes;
using LinX.Core.Workflows;

namespace LinX.Core.Templates;

/// <summary>
/// A workflow request that names a template (RocketKOR's "Create a LinX workflow using a template"): <c>templateId</c>
/// or <c>templateName</c>, <c>title</c>, <c>customerMemo</c> and <c>expireInHours</c> (overriding the template's),
/// <c>parameters</c>, and LinX's <c>passcode</c> and <c>locale</c>. The steps are the template's: <c>steps</c> is an error.
/// </summary>
/// <param name="TemplateId">The template's id, when named by id.</param>
/// <param name="TemplateName">The template's name, when named by name.</param>
/// <param name="Input">What the request adds to the template.</param>
public sealed record TemplateWorkflowRequest(Guid? TemplateId, string? TemplateName, TemplateWorkflowInput Input)
{
    /// <summary>Whether the body is a JSON object with a top-level <c>templateId</c> or <c>templateName</c>.</summary>
    public static bool NamesTemplate(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = WorkflowLimits.MaxJsonDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1
                    && (reader.ValueTextEquals("templateId"u8) || reader.ValueTextEquals("templateName"u8)))
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the direct request's reader reports it.
        }

        return false;
    }

    /// <summary>The request, or every problem of its shape (types, unknown fields, a <c>steps</c>). Never throws for any input.</summary>
    public static (TemplateWorkflowRequest? Request, IReadOnlyList<FieldError> Errors) Read(ReadOnlySpan<byte> utf8Json)
    {
        var (request, errors) = JsonObjectBody.Read(utf8Json, ReadRoot);
        return errors.Count == 0 ? (request, []) : (null, errors);
    }

    private static TemplateWorkflowRequest ReadRoot(JsonElement root, ValidationErrors errors)
    {
        var values = new JsonValueReader(errors);
        Guid? templateId = null;
        string? templateName = null;
        var input = new TemplateWorkflowInput();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            var path = JsonPath.Property(JsonPath.Root, property.Name);
            var value = property.Value;
            if (!seen.Add(property.Name))
            {
                errors.Add(path, WorkflowErrorCodes.DuplicateKey, "This key appears more than once.");
                continue;
            }

            switch (property.Name)
            {
                case "templateId": templateId = ValueRules.Uuid(values.ReadString(value, path), path, errors); break;
                case "templateName": templateName = values.ReadString(value, path); break;
                case "title": input = input with { Title = values.ReadString(value, path) }; break;
                case "customerMemo": input = input with { CustomerMemo = values.ReadString(value, path, allowLineBreaks: true) }; break;
                case "expireInHours": input = input with { ExpireInHours = Node(value) }; break;
                case "passcode": input = input with { Passcode = Node(value) }; break;
                case "locale": input = input with { Locale = Node(value) }; break;
                case "parameters" when value.ValueKind == JsonValueKind.Object: input = input with { Parameters = (JsonObject)Node(value)! }; break;
                case "parameters": errors.Add(path, WorkflowErrorCodes.InvalidType, "Must be an object."); break;
                case "steps":
                    errors.Add(path, ServiceErrorCodes.TemplateStepsFixed, "A workflow from a template runs the template's steps: leave steps out.");
                    break;
                default:
                    errors.Add(path, WorkflowErrorCodes.UnknownField,
                        "Unknown field; a workflow from a template takes templateId or templateName, title, customerMemo, expireInHours, parameters, passcode and locale.");
                    break;
            }
        }

        return new TemplateWorkflowRequest(templateId, templateName, input);
    }

    private static JsonNode? Node(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(value.GetRawText());
}
