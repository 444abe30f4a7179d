namespace LinX.Core.Workflows;

/// <summary>
/// Parses and validates a workflow request (UTF-8 JSON, as posted) against every rule of the contract
/// and returns an immutable <see cref="WorkflowPlan"/> or ALL the problems found.
/// References to stored data (customers, accounts) are checked by the caller, not here.
/// </summary>
public sealed class WorkflowRequestValidator
{
    private readonly PhoneNumbers.PhoneNumberUtil _phoneNumbers = PhoneNumbers.PhoneNumberUtil.GetInstance();

    public WorkflowValidationResult Validate(ReadOnlySpan<byte> utf8Json)
    {
        // Placeholder until the contract lands (issue 2).
        _ = utf8Json.Length + _phoneNumbers.GetSupportedRegions().Count;
        return WorkflowValidationResult.Invalid([new FieldError("$", "Not implemented yet.", "NOT_IMPLEMENTED")]);
    }
}
