using System.Globalization;
using LinX.Core.Accounts;
using LinX.Core.Common;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;

namespace LinX.Core.Activities;

/// <summary>Creates the workflow's financial account from tokenized details; the id derives from (workflow, step).</summary>
public sealed class CreateFinancialAccountActivity : IActivity<CreateFinancialAccountInput, StepActivityOutput>
{
    private readonly IFinancialAccountStore _accounts;
    private readonly TimeProvider _time;

    public CreateFinancialAccountActivity(IFinancialAccountStore accounts, TimeProvider time)
    {
        _accounts = accounts;
        _time = time;
    }

    public async Task<StepActivityOutput> RunAsync(CreateFinancialAccountInput input, CancellationToken cancellationToken)
    {
        var id = DeterministicId.From(input.WorkflowId, StepNames.FinancialAccount);
        var now = _time.GetUtcNow();
        var account = (input.Card, input.BankAccount) switch
        {
            ({ } card, null) => new FinancialAccount(
                id, input.BusinessId, input.CustomerId, input.SubType, card.Brand, card.Last4,
                string.Create(CultureInfo.InvariantCulture, $"{card.ExpiryYear:D4}-{card.ExpiryMonth:D2}"), null,
                card.Fingerprint, card.ProcessorToken, card.NameOnCard, input.WorkflowId, now),
            (null, { } bank) => new FinancialAccount(
                id, input.BusinessId, input.CustomerId, input.SubType, null, bank.Last4, null, bank.RoutingNumber,
                bank.Fingerprint, bank.ProcessorToken, bank.NameOnAccount, input.WorkflowId, now),
            _ => throw new ArgumentException("Exactly one of card or bank account is required.", nameof(input)),
        };
        var stored = await _accounts.CreateAsync(account, cancellationToken);
        return new StepActivityOutput(stored.FinancialAccountId, true, StepData.Account(stored));
    }
}
