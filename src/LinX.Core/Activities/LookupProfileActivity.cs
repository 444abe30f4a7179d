using LinX.Core.Customers;
using LinX.Core.Orchestration;
using LinX.Core.Security;

namespace LinX.Core.Activities;

/// <summary>Loads an existing customer of the business and returns its masked display data, sealed (read only).</summary>
public sealed class LookupProfileActivity : IActivity<LookupInput, StepActivityOutput>
{
    private readonly ICustomerStore _customers;
    private readonly LinXCrypto _crypto;

    public LookupProfileActivity(ICustomerStore customers, LinXCrypto crypto)
    {
        _customers = customers;
        _crypto = crypto;
    }

    public async Task<StepActivityOutput> RunAsync(LookupInput input, CancellationToken cancellationToken) =>
        await _customers.GetAsync(input.BusinessId, input.Id, cancellationToken) is { } customer
            ? StepData.Found(_crypto, input, customer.CustomerId, StepData.Customer(customer))
            : new StepActivityOutput(input.Id, false, null);
}
