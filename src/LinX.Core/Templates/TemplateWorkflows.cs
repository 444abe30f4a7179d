using System.Text.Json;
using LinX.Core.Workflows;

namespace LinX.Core.Templates;

/// <summary>
/// The workflow rules applied to templates: a workflow request from a template version is composed
/// (<see cref="TemplateComposer"/>) and validated by <see cref="WorkflowRequestValidator"/> exactly as a direct request,
/// and a template itself is validated by the same rules in template mode. Pure and thread-safe.
/// </summary>
public static class TemplateWorkflows
{
    private static readonly WorkflowRequestValidator Validator = new();

    /// <summary>
    /// The plan of a workflow from <paramref name="template"/> with <paramref name="input"/>, recording the template
    /// version; or every problem, each at its origin (the input's path, or <c>$.template...</c> for a template value).
    /// </summary>
    public static WorkflowValidationResult Plan(TemplateVersion template, TemplateWorkflowInput input)
    {
        var composition = TemplateComposer.Compose(template, input);
        var validation = Validator.Validate(JsonSerializer.SerializeToUtf8Bytes(composition.Request));
        return validation.IsValid && composition.Errors.Count == 0
            ? WorkflowValidationResult.Valid(validation.Plan! with { Template = TemplateReference.Of(template) })
            : WorkflowValidationResult.Invalid(composition.WithOrigins(validation.Errors));
    }

    /// <summary>Every problem of a template's definition, memo and expiry, at the template body's paths (<c>$.definition.steps[0]...</c>).</summary>
    public static IReadOnlyList<FieldError> Validate(IReadOnlyList<TemplateStep> steps, string? customerMemo, int? defaultExpiryDays)
    {
        var composition = TemplateComposer.ComposeTemplate(steps, customerMemo, defaultExpiryDays);
        return composition.WithOrigins(Validator.ValidateTemplate(JsonSerializer.SerializeToUtf8Bytes(composition.Request)));
    }
}
