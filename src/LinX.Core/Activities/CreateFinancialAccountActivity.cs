using System.Globalization;
using LinX.Core.Accounts;
using LinX.Core.Common;
using LinX.Core.Gateway;
using LinX.Core.Orchestration;
using LinX.Core.Security;
using LinX.Core.Workflows;

namespace LinX.Core.Activities;

/// <summary>
/// Creates the workflow's financial account from the tokenized details it opens (sealed by the Gateway; the id derives
/// from (workflow, step), and for a declined payment's replacement from (workflow, step, attempt): ADR 0016), then writes the workflow row the orchestrator asked for (<see cref="StatusAfterStep"/>); the
/// step data it returns is sealed (ADR 0011).
/// </summary>
public sealed class CreateFinancialAccountActivity : IActivity<CreateFinancialAccountInput, StepActivityOutput>
{
    private readonly IFinancialAccountStore _accounts;
    private readonly UpdateWorkflowStatusActivity _status;
    private readonly CustomerSubmissions _submissions;
    private readonly LinXCrypto _crypto;
    private readonly TimeProvider _time;

    public CreateFinancialAccountActivity(
        IFinancialAccountStore accounts, UpdateWorkflowStatusActivity status, CustomerSubmissions submissions, LinXCrypto crypto, TimeProvider time)
    {
        _accounts = accounts;
        _status = status;
        _submissions = submissions;
        _crypto = crypto;
        _time = time;
    }

    public async Task<StepActivityOutput> RunAsync(CreateFinancialAccountInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        // The step's account derives from (workflow, step); a payment attempt's replacement from (workflow, step, attempt).
        var id = DeterministicId.From(
            input.WorkflowId, Payments.PaymentAttempt.KeyOf(StepNames.FinancialAccount, input.Attempt));
        var now = _time.GetUtcNow();
        var submitted = (
            Card: input.Card ?? (input.SealedCard is { } sealedCard ? _submissions.Open(input.WorkflowId, sealedCard) : null),
            BankAccount: input.BankAccount ?? (input.SealedBankAccount is { } sealedBank ? _submissions.Open(input.WorkflowId, sealedBank) : null));
        var account = submitted switch
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
        var data = StepData.Account(stored);
        await _status.WriteAfterStepAsync(input.Then, then => then.With(data, financialAccountId: stored.FinancialAccountId), cancellationToken);
        return new StepActivityOutput(stored.FinancialAccountId, true, StepData.Seal(_crypto, input.WorkflowId, data));
    }
}
