namespace LinX.Core.Workflows;

/// <summary>
/// Parses and validates a workflow request (UTF-8 JSON, as posted) against every rule of the contract
/// and returns an immutable <see cref="WorkflowPlan"/> or ALL the problems found (up to
/// <see cref="WorkflowLimits.MaxErrors"/>), each with a JSON path and a <see cref="WorkflowErrorCodes"/> code.
/// References to stored data (customers, accounts, and so the sub-type of a looked-up account) are
/// checked by the caller, not here. Thread-safe and stateless but for its clock (a SCHEDULED payment's start must be in
/// the future): register it as a singleton.
/// </summary>
public sealed class WorkflowRequestValidator
{
    private readonly TimeProvider _time;

    /// <summary>A validator on the system clock.</summary>
    public WorkflowRequestValidator()
        : this(TimeProvider.System)
    {
    }

    /// <summary>A validator that judges times (a SCHEDULED payment's <c>startDateTime</c>) against <paramref name="time"/>.</summary>
    public WorkflowRequestValidator(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>Validates the posted bytes. Never throws for any input.</summary>
    public WorkflowValidationResult Validate(ReadOnlySpan<byte> utf8Json)
    {
        var errors = new ValidationErrors();
        var request = new WorkflowRequestReader(errors).Read(utf8Json);
        return request is null ? WorkflowValidationResult.Invalid(errors.ToList()) : Apply(request, _time.GetUtcNow(), errors);
    }

    /// <summary>Validates a request built in code (e.g. deserialized with <see cref="WorkflowJson.Options"/>).</summary>
    public WorkflowValidationResult Validate(WorkflowRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Apply(request, _time.GetUtcNow(), new ValidationErrors());
    }

    /// <summary>
    /// Validates a template composed as a workflow request (<see cref="Templates.TemplateComposer.ComposeTemplate"/>) by
    /// the same rules, in template mode: what a request may still give (the title, any parameter) may be absent, but
    /// every value present must be valid. Every problem, at the composed request's paths. Never throws for any input.
    /// </summary>
    public IReadOnlyList<FieldError> ValidateTemplate(ReadOnlySpan<byte> utf8Json)
    {
        var errors = new ValidationErrors { WaivesRequestValues = true };
        if (new WorkflowRequestReader(errors).Read(utf8Json) is { } request)
        {
            WorkflowRequestRules.Apply(request, _time.GetUtcNow(), errors);
        }

        return errors.ToList();
    }

    private static WorkflowValidationResult Apply(WorkflowRequest request, DateTimeOffset now, ValidationErrors errors)
    {
        var plan = WorkflowRequestRules.Apply(request, now, errors);
        return plan is not null && errors.Count == 0
            ? WorkflowValidationResult.Valid(plan)
            : WorkflowValidationResult.Invalid(errors.ToList());
    }
}
