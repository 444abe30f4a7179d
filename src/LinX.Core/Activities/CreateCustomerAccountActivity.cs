using LinX.Core.Common;
using LinX.Core.Customers;
using LinX.Core.Gateway;
using LinX.Core.Orchestration;
using LinX.Core.Security;
using LinX.Core.Workflows;

namespace LinX.Core.Activities;

/// <summary>
/// Creates the workflow's customer from the profile it opens (sealed by the Gateway), then writes the workflow row the
/// orchestrator asked for (<see cref="StatusAfterStep"/>); the step data it returns is sealed (ADR 0011).
/// The id derives from (workflow, step), so a re-run finds the first one; the row is versioned, so a re-run writes it once.
/// </summary>
public sealed class CreateCustomerAccountActivity : IActivity<CreateCustomerAccountInput, StepActivityOutput>
{
    private readonly ICustomerStore _customers;
    private readonly IWorkflowStore _workflows;
    private readonly UpdateWorkflowStatusActivity _status;
    private readonly CustomerSubmissions _submissions;
    private readonly LinXCrypto _crypto;
    private readonly TimeProvider _time;

    public CreateCustomerAccountActivity(
        ICustomerStore customers, IWorkflowStore workflows, UpdateWorkflowStatusActivity status, CustomerSubmissions submissions, LinXCrypto crypto,
        TimeProvider time)
    {
        _customers = customers;
        _workflows = workflows;
        _status = status;
        _submissions = submissions;
        _crypto = crypto;
        _time = time;
    }

    public async Task<StepActivityOutput> RunAsync(CreateCustomerAccountInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var profile = input.Profile
            ?? _submissions.Open(input.WorkflowId, input.SealedProfile ?? throw new ArgumentException("The profile is required.", nameof(input)));
        // The number the link was texted to, which the business gave: the customer's own (kept encrypted on both rows).
        var workflow = await _workflows.GetAsync(input.BusinessId, input.WorkflowId, cancellationToken);
        var customer = await _customers.CreateAsync(
            new Customer(
                DeterministicId.From(input.WorkflowId, StepNames.CustomerAccount), input.BusinessId, profile.FirstName, profile.LastName,
                profile.Email, profile.DateOfBirth, profile.Address, input.MaskedPhoneNumber, input.WorkflowId, _time.GetUtcNow())
            {
                PhoneNumber = workflow is null ? null : _crypto.Decrypt(workflow.EncryptedPhoneNumber, workflow.WorkflowId.ToString("D")),
            },
            cancellationToken);
        var data = StepData.Customer(customer, ownEntry: true);
        await _status.WriteAfterStepAsync(input.Then, then => then.With(data, customerId: customer.CustomerId), cancellationToken);
        return new StepActivityOutput(customer.CustomerId, true, StepData.Seal(_crypto, input.WorkflowId, data));
    }
}
