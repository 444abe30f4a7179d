using LinX.Core.Customers;
using LinX.Core.Orchestration;

namespace LinX.Core.Activities;

/// <summary>Loads an existing customer of the business and returns its masked display data (read only).</summary>
public sealed class LookupProfileActivity : IActivity<LookupInput, StepActivityOutput>
{
    private readonly ICustomerStore _customers;

    public LookupProfileActivity(ICustomerStore customers)
    {
        _customers = customers;
    }

    public async Task<StepActivityOutput> RunAsync(LookupInput input, CancellationToken cancellationToken) =>
        await _customers.GetAsync(input.BusinessId, input.Id, cancellationToken) is { } customer
            ? new StepActivityOutput(customer.CustomerId, true, StepData.Customer(customer))
            : new StepActivityOutput(input.Id, false, new Dictionary<string, string>());
}
