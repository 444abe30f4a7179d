using LinX.Core.Accounts;
using LinX.Core.Orchestration;
using LinX.Core.Security;

namespace LinX.Core.Activities;

/// <summary>Loads an existing financial account of the customer and returns its masked display data, sealed (read only).</summary>
public sealed class LookupFinancialAccountActivity : IActivity<LookupInput, StepActivityOutput>
{
    private readonly IFinancialAccountStore _accounts;
    private readonly LinXCrypto _crypto;

    public LookupFinancialAccountActivity(IFinancialAccountStore accounts, LinXCrypto crypto)
    {
        _accounts = accounts;
        _crypto = crypto;
    }

    public async Task<StepActivityOutput> RunAsync(LookupInput input, CancellationToken cancellationToken)
    {
        var account = await _accounts.GetAsync(input.BusinessId, input.Id, cancellationToken);
        return account is not null && account.CustomerId == input.CustomerId
            ? StepData.Found(_crypto, input, account.FinancialAccountId, StepData.Account(account))
            : new StepActivityOutput(input.Id, false, null);
    }
}
