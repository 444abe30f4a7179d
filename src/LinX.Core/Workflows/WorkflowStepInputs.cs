namespace LinX.Core.Workflows;

/// <summary>The <c>inputs</c> of a step of the request (RocketKOR's <c>steps[i].inputs</c>).</summary>
public sealed record WorkflowStepInputs(WorkflowUserInputs? User);

/// <summary>
/// What the customer is asked for on the step, as posted (RocketKOR's <c>inputs.user</c>): for enhance-profile,
/// <c>personalInfo</c> (<c>salutation</c>, <c>dateOfBirth</c>), <c>address</c> (<c>SHIPPING</c>, <c>MAILING</c>,
/// <c>PHYSICAL</c>) and <c>phoneNumber</c> (<c>HOME</c>, <c>WORK</c>); for document-acceptance, <c>documents</c>.
/// Values the reader rejected are null.
/// </summary>
public sealed record WorkflowUserInputs
{
    public IReadOnlyList<string?>? PersonalInfo { get; init; }

    public IReadOnlyList<string?>? Address { get; init; }

    public IReadOnlyList<string?>? PhoneNumber { get; init; }

    public IReadOnlyList<WorkflowDocumentInput?>? Documents { get; init; }
}

/// <summary>A document of the business the customer is asked to accept: its group and id.</summary>
public sealed record WorkflowDocumentInput(string? DocumentGroup, string? DocumentId);
