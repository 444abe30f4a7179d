using LinX.Core.Accounts;
using LinX.Core.Orchestration;

namespace LinX.Core.Activities;

/// <summary>Loads an existing financial account of the customer and returns its masked display data (read only).</summary>
public sealed class LookupFinancialAccountActivity : IActivity<LookupInput, StepActivityOutput>
{
    private readonly IFinancialAccountStore _accounts;

    public LookupFinancialAccountActivity(IFinancialAccountStore accounts)
    {
        _accounts = accounts;
    }

    public async Task<StepActivityOutput> RunAsync(LookupInput input, CancellationToken cancellationToken)
    {
        var account = await _accounts.GetAsync(input.BusinessId, input.Id, cancellationToken);
        return account is not null && account.CustomerId == input.CustomerId
            ? new StepActivityOutput(account.FinancialAccountId, true, StepData.Account(account))
            : new StepActivityOutput(input.Id, false, new Dictionary<string, string>());
    }
}
