using System.Globalization;
using LinX.Core.Accounts;
using LinX.Core.Common;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;

namespace LinX.Core.Activities;

/// <summary>
/// Creates the workflow's financial account from tokenized details (the id derives from (workflow, step)), then writes
/// the workflow row the orchestrator asked for (<see cref="StatusAfterStep"/>).
/// </summary>
public sealed class CreateFinancialAccountActivity : IActivity<CreateFinancialAccountInput, StepActivityOutput>
{
    private readonly IFinancialAccountStore _accounts;
    private readonly UpdateWorkflowStatusActivity _status;
    private readonly TimeProvider _time;

    public CreateFinancialAccountActivity(IFinancialAccountStore accounts, UpdateWorkflowStatusActivity status, TimeProvider time)
    {
        _accounts = accounts;
        _status = status;
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
        var output = new StepActivityOutput(stored.FinancialAccountId, true, StepData.Account(stored));
        await _status.WriteAfterStepAsync(input.Then, then => then.With(output.Data, financialAccountId: output.Id), cancellationToken);
        return output;
    }
}
