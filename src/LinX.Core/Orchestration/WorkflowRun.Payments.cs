using LinX.Core.Activities;
using LinX.Core.Payments;
using LinX.Core.Workflows;

namespace LinX.Core.Orchestration;

/// <summary>
/// The money movement and its recovery (ADR 0016): a payment declined with a recoverable code keeps the move-money step
/// ACTIVE and waits, like any wait (expiry, reminders, decline, cancel), for the customer's replacement account; then the
/// account is created and the payment tried again under the attempt's own idempotency key. The third failure, or any
/// unrecoverable code, ends the workflow FAILED with the final reason.
/// </summary>
internal sealed partial class WorkflowRun
{
    /// <summary>Every try at the money movement so far, first to last.</summary>
    private readonly List<PaymentAttempt> _attempts = [];

    private async Task<WorkflowResult?> PayAsync(MoveMoneyStep move)
    {
        for (var attempt = 1; ; attempt++)
        {
            var accountId = _financialAccountId ?? Guid.Empty;
            var transaction = await CallAsync<TransactionOutput>(
                ActivityNames.MoveMoney, new MoveMoneyInput(_input.BusinessId, _input.WorkflowId, accountId, move, Ahead(), attempt));
            _transactionId = transaction.TransactionId;
            _attempts.Add(PaymentAttempt.From(attempt, accountId, transaction));
            SetData(transaction.SealedData, transaction.Data);
            if (!_attempts[^1].Failed)
            {
                _settleAt = transaction.Status == TransactionStatus.Pending ? transaction.SettleAt : null;
                _written = true;
                return null;
            }

            var code = _attempts[^1].ReasonCode!;
            if (!PaymentDeclineCodes.IsRecoverable(code) || attempt >= PaymentAttempt.MaxAttempts)
            {
                var reason = "The transaction was " + transaction.Status.ToString().ToUpperInvariant() + ": " + (transaction.Reason ?? "no reason given");
                return await FailAsync(Shorten(reason), code);
            }

            // In recovery: the row shows the declined attempt while the step stays ACTIVE.
            await PersistAsync();
            var ended = await ReplaceAccountAsync(move, attempt + 1);
            if (ended is not null)
            {
                return ended;
            }
        }
    }

    /// <summary>Waits for the replacement account of payment attempt <paramref name="attempt"/> and creates it for the workflow's customer.</summary>
    private async Task<WorkflowResult?> ReplaceAccountAsync(MoveMoneyStep move, int attempt)
    {
        var card = PaymentRecovery.NeedsCard(move);
        var wait = await WaitForCustomerAsync(move.Name, e => e.Attempt == attempt && (card ? e.HasCard : e.HasBankAccount));
        if (wait.Ended is not null)
        {
            return wait.Ended;
        }

        var created = await CreateAccountAsync(PaymentRecovery.SubTypeOf(_plan, move), card, wait.Event!, null, attempt);
        _financialAccountId = created.Id;

        // The account step shows the account the money moves with now.
        var accountStep = _plan.Steps.ToList().FindIndex(s => s is FinancialAccountStep or LookupFinancialAccountStep);
        if (accountStep >= 0)
        {
            _data[accountStep] = created.SealedData;
            _steps[accountStep] = _steps[accountStep] with { Data = created.Data };
        }

        return null;
    }

    /// <summary>The last attempt takes the settled transaction's status, and its reason when it failed at settlement.</summary>
    private void Settled(TransactionOutput settled)
    {
        if (_attempts.Count > 0 && _attempts[^1] is { } last && last.TransactionId == settled.TransactionId)
        {
            _attempts[^1] = PaymentAttempt.From(last.Attempt, last.FinancialAccountId, settled) with { At = last.At };
        }
    }
}
