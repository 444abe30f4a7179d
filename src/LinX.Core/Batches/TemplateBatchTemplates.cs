using System.Text.Json;
using System.Text.Json.Nodes;
using LinX.Core.Businesses;
using LinX.Core.Templates;
using LinX.Core.Workflows;

namespace LinX.Core.Batches;

/// <summary>
/// <see cref="IBatchTemplates"/> on the templates feature: <see cref="TemplateService.ResolveAsync"/> when the batch is
/// posted, then each entry composed with the pinned version by <see cref="TemplateWorkflows.Plan"/>, the rules of any
/// workflow from that template.
/// </summary>
public sealed class TemplateBatchTemplates : IBatchTemplates
{
    private static readonly string[] EntryFields = ["title", "expiryInHours", "customerMemo", "parameters"];

    private readonly TemplateService _service;
    private readonly ITemplateStore _store;
    private readonly TimeProvider _time;

    public TemplateBatchTemplates(TemplateService service, ITemplateStore store, TimeProvider time)
    {
        _service = service;
        _store = store;
        _time = time;
    }

    public async Task<ServiceResult<BatchTemplateRef>> ResolveAsync(Business business, Guid? templateId, string? templateName, CancellationToken cancellationToken)
    {
        var resolved = await _service.ResolveAsync(business, templateId, templateName, cancellationToken);
        return resolved.Value is { } template
            ? ServiceResult.Ok(new BatchTemplateRef(template.TemplateId, template.TemplateVersionId, template.Version, template.DisplayName))
            : ServiceResult.Fail<BatchTemplateRef>(resolved.Outcome, [.. resolved.Errors.Select(e => e with { Path = BatchRequestReader.TemplatePath + e.Path[1..] })]);
    }

    public async Task<Func<string, WorkflowValidationResult>?> ComposerAsync(Business business, BatchTemplateRef template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(template);
        var version = await _store.GetVersionAsync(business.BusinessId, template.TemplateId, template.TemplateVersionId, cancellationToken);
        return version is null ? null : entry => Plan(version, entry, _time);
    }

    /// <summary>An entry's fields as a template's workflow input (its own shape problems first: they reject the entry too).</summary>
    /// <remarks>An entry is judged when it starts: a SCHEDULED start time that has passed by then rejects it.</remarks>
    private static WorkflowValidationResult Plan(TemplateVersion version, string entryJson, TimeProvider time)
    {
        var entry = JsonNode.Parse(entryJson)!.AsObject();
        var errors = new List<FieldError>();
        foreach (var (name, _) in entry.Where(p => !EntryFields.Contains(p.Key, StringComparer.Ordinal)))
        {
            errors.Add(new FieldError(JsonPath.Property(JsonPath.Root, name), "Unknown field; an entry takes title, expiryInHours, customerMemo and parameters.", WorkflowErrorCodes.UnknownField));
        }

        var input = new TemplateWorkflowInput
        {
            Title = Text(entry, "title", errors),
            CustomerMemo = Text(entry, "customerMemo", errors),
            ExpireInHours = entry["expiryInHours"]?.DeepClone(),
            Parameters = entry["parameters"] switch
            {
                null => null,
                JsonObject parameters => (JsonObject)parameters.DeepClone(),
                _ => Wrong<JsonObject>(errors, "$.parameters", "Must be an object."),
            },
        };
        var plan = TemplateWorkflows.Plan(version, input, time);
        return errors.Count == 0 ? plan : WorkflowValidationResult.Invalid([.. errors, .. plan.Errors]);
    }

    private static string? Text(JsonObject entry, string name, List<FieldError> errors) => entry[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => Wrong<string>(errors, "$." + name, "Must be a string."),
    };

    private static T? Wrong<T>(List<FieldError> errors, string path, string message)
        where T : class
    {
        errors.Add(new FieldError(path, message, WorkflowErrorCodes.InvalidType));
        return null;
    }
}
