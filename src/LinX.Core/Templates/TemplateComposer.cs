using System.Text.Json.Nodes;
using LinX.Core.Workflows;

namespace LinX.Core.Templates;

/// <summary>
/// Composes a template with a request's input into a regular workflow request, so that template workflows, batch
/// entries and direct requests go through ONE rule set (<see cref="WorkflowRequestValidator"/>). Pure: no I/O, no clock.
/// The steps are the template's (with <c>input.user</c> as <c>inputs.user</c>); <c>parameters</c> are every step's
/// <c>input.preDefined</c> merged with the input's (a parameter in both is an error: the template fixes it); the input's
/// <c>customerMemo</c> and <c>expireInHours</c> override the template's <c>customerMemo</c> and <c>defaultExpiryDays</c>.
/// </summary>
public static class TemplateComposer
{
    /// <summary>Where, in a workflow request's problems, the values of its template are reported.</summary>
    public const string TemplateRoot = "$.template";

    /// <summary>A workflow request from <paramref name="template"/> and the request's <paramref name="input"/>.</summary>
    public static TemplateComposition Compose(TemplateVersion template, TemplateWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(input);
        return Compose(template.Steps, template.CustomerMemo, template.DefaultExpiryDays, input, TemplateRoot);
    }

    /// <summary>
    /// The template alone, as a workflow request without the values a request gives (no title, no request-body
    /// parameters): what <see cref="WorkflowRequestValidator.ValidateTemplate"/> checks. Paths map into the template body.
    /// </summary>
    public static TemplateComposition ComposeTemplate(IReadOnlyList<TemplateStep> steps, string? customerMemo, int? defaultExpiryDays) =>
        Compose(steps, customerMemo, defaultExpiryDays, null, "$");

    private static TemplateComposition Compose(
        IReadOnlyList<TemplateStep> steps, string? customerMemo, int? defaultExpiryDays, TemplateWorkflowInput? input, string templateRoot)
    {
        var inputRoot = input?.Root ?? "$";
        var errors = new List<FieldError>();
        var origins = new List<(string, string)>();
        var request = new JsonObject();
        if (input?.Title is { } title)
        {
            request["title"] = title;
        }

        if (input?.ExpireInHours is { } hours)
        {
            request["expireInHours"] = hours.DeepClone();
        }
        else if (defaultExpiryDays is { } days)
        {
            request["expireIn"] = days;
            origins.Add((JsonPath.ExpireIn, templateRoot + ".defaultExpiryDays"));
        }

        if (input?.CustomerMemo is { } memo)
        {
            request["customerMemo"] = memo;
        }
        else if (customerMemo is not null)
        {
            request["customerMemo"] = customerMemo;
            origins.Add((JsonPath.CustomerMemo, templateRoot + ".customerMemo"));
        }

        CopyIfGiven(request, "passcode", input?.Passcode);
        CopyIfGiven(request, "locale", input?.Locale);
        request["steps"] = new JsonArray([.. steps.Select(ToRequestStep)]);
        request["parameters"] = Parameters(steps, input, templateRoot, origins, errors);
        return new TemplateComposition(request, errors, origins, inputRoot, templateRoot);
    }

    private static JsonObject Parameters(
        IReadOnlyList<TemplateStep> steps, TemplateWorkflowInput? input, string templateRoot, List<(string, string)> origins, List<FieldError> errors)
    {
        var parameters = new JsonObject();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = StepCatalog.Find(steps[i].Name);
            foreach (var (name, value) in steps[i].PreDefined ?? [])
            {
                var origin = $"{templateRoot}.definition.steps[{i}].input.preDefined";
                var path = JsonPath.Property(origin, name);
                if (step is not null && StepCatalog.ParameterNames.Contains(name) && !step.Uses(name))
                {
                    var owners = string.Join(" or ", StepCatalog.All.Where(s => s.Uses(name)).Select(s => s.Name));
                    errors.Add(new FieldError(path, $"This parameter belongs to {owners}, not to {step.Name}.", WorkflowErrorCodes.ParameterOfAnotherStep));
                    continue;
                }

                if (parameters.ContainsKey(name))
                {
                    errors.Add(new FieldError(path, "Another step of the template already sets this parameter.", WorkflowErrorCodes.DuplicateKey));
                    continue;
                }

                parameters[name] = value?.DeepClone();
                origins.Add((JsonPath.Parameter(name), path));
            }
        }

        foreach (var (name, value) in input?.Parameters ?? [])
        {
            if (parameters.ContainsKey(name))
            {
                errors.Add(new FieldError(
                    JsonPath.Property((input?.Root ?? "$") + ".parameters", name),
                    "The template sets this parameter (its step's input.preDefined); leave it out of the request.",
                    WorkflowErrorCodes.TemplateParameterFixed));
                continue;
            }

            parameters[name] = value?.DeepClone();
        }

        return parameters;
    }

    private static JsonObject ToRequestStep(TemplateStep step)
    {
        var composed = new JsonObject { ["name"] = step.Name };
        if (step.User is { } user)
        {
            composed["inputs"] = new JsonObject { ["user"] = user.DeepClone() };
        }

        return composed;
    }

    private static void CopyIfGiven(JsonObject request, string name, JsonNode? value)
    {
        if (value is not null)
        {
            request[name] = value.DeepClone();
        }
    }
}
