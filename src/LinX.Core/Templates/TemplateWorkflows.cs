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
    /// <summary>
    /// The plan of a workflow from <paramref name="template"/> with <paramref name="input"/>, recording the template
    /// version; or every problem, each at its origin (the input's path, or <c>$.template...</c> for a template value).
    /// </summary>
    /// <param name="template">The template version.</param>
    /// <param name="input">The request's values.</param>
    /// <param name="time">The clock the request is judged by (a SCHEDULED payment's start must be in the future).</param>
    public static WorkflowValidationResult Plan(TemplateVersion template, TemplateWorkflowInput input, TimeProvider time)
    {
        var composition = TemplateComposer.Compose(template, input);
        var validation = new WorkflowRequestValidator(time).Validate(JsonSerializer.SerializeToUtf8Bytes(composition.Request));
        return validation.IsValid && composition.Errors.Count == 0
            ? WorkflowValidationResult.Valid(validation.Plan! with { Template = TemplateReference.Of(template) })
            : WorkflowValidationResult.Invalid(composition.WithOrigins(validation.Errors));
    }

    /// <summary>Every problem of a template's definition, memo and expiry, at the template body's paths (<c>$.definition.steps[0]...</c>).</summary>
    /// <remarks>A start time the template fixes (<c>startDateTime</c> in <c>input.preDefined</c>) must be in the future by <paramref name="time"/>.</remarks>
    public static IReadOnlyList<FieldError> Validate(IReadOnlyList<TemplateStep> steps, string? customerMemo, int? defaultExpiryDays, TimeProvider time)
    {
        var composition = TemplateComposer.ComposeTemplate(steps, customerMemo, defaultExpiryDays);
        return composition.WithOrigins(new WorkflowRequestValidator(time).ValidateTemplate(JsonSerializer.SerializeToUtf8Bytes(composition.Request)));
    }
}
