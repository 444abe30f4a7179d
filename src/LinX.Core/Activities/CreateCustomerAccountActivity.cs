using LinX.Core.Common;
using LinX.Core.Customers;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;

namespace LinX.Core.Activities;

/// <summary>
/// Creates the workflow's customer, then writes the workflow row the orchestrator asked for (<see cref="StatusAfterStep"/>).
/// The id derives from (workflow, step), so a re-run finds the first one; the row is versioned, so a re-run writes it once.
/// </summary>
public sealed class CreateCustomerAccountActivity : IActivity<CreateCustomerAccountInput, StepActivityOutput>
{
    private readonly ICustomerStore _customers;
    private readonly UpdateWorkflowStatusActivity _status;
    private readonly TimeProvider _time;

    public CreateCustomerAccountActivity(ICustomerStore customers, UpdateWorkflowStatusActivity status, TimeProvider time)
    {
        _customers = customers;
        _status = status;
        _time = time;
    }

    public async Task<StepActivityOutput> RunAsync(CreateCustomerAccountInput input, CancellationToken cancellationToken)
    {
        var profile = input.Profile;
        var customer = await _customers.CreateAsync(
            new Customer(
                DeterministicId.From(input.WorkflowId, StepNames.CustomerAccount), input.BusinessId, profile.FirstName, profile.LastName,
                profile.Email, profile.DateOfBirth, profile.Address, input.MaskedPhoneNumber, input.WorkflowId, _time.GetUtcNow()),
            cancellationToken);
        var output = new StepActivityOutput(customer.CustomerId, true, StepData.Customer(customer));
        await _status.WriteAfterStepAsync(input.Then, then => then.With(output.Data, customerId: output.Id), cancellationToken);
        return output;
    }
}
