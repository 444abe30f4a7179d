using LinX.Core.Common;
using LinX.Core.Customers;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;

namespace LinX.Core.Activities;

/// <summary>Creates the workflow's customer. The id derives from (workflow, step), so a re-run finds the first one.</summary>
public sealed class CreateCustomerAccountActivity : IActivity<CreateCustomerAccountInput, StepActivityOutput>
{
    private readonly ICustomerStore _customers;
    private readonly TimeProvider _time;

    public CreateCustomerAccountActivity(ICustomerStore customers, TimeProvider time)
    {
        _customers = customers;
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
        return new StepActivityOutput(customer.CustomerId, true, StepData.Customer(customer));
    }
}
