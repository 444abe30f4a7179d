using System.Globalization;
using LinX.Core.Accounts;
using LinX.Core.Common;
using LinX.Core.Orchestration;
using LinX.Core.Payments;
using LinX.Core.Security;
using LinX.Core.Workflows;
using Microsoft.Extensions.Logging;

namespace LinX.Core.Activities;

/// <summary>
/// Creates the transaction of the workflow's payment attempt (status NEW, with idempotency key <c>{workflowId}:move-money</c>
/// for the first, <c>{workflowId}:move-money:{n}</c> for attempt n, ADR 0016) and submits it to the processor with the same key. A re-run finds the transaction by its key and never moves money twice:
/// once it has left NEW it is returned as stored; while NEW the processor's own idempotency covers a crash
/// between submission and status update. Unless the transaction was declined or failed, it then writes the workflow row
/// the orchestrator asked for (<see cref="StatusAfterStep"/>). The step data it returns is sealed (ADR 0011).
/// </summary>
public sealed class MoveMoneyActivity : IActivity<MoveMoneyInput, TransactionOutput>
{
    private readonly ITransactionStore _transactions;
    private readonly IFinancialAccountStore _accounts;
    private readonly IPaymentProcessor _processor;
    private readonly UpdateWorkflowStatusActivity _status;
    private readonly LinXCrypto _crypto;
    private readonly TimeProvider _time;
    private readonly ILogger<MoveMoneyActivity> _logger;

    public MoveMoneyActivity(
        ITransactionStore transactions,
        IFinancialAccountStore accounts,
        IPaymentProcessor processor,
        UpdateWorkflowStatusActivity status,
        LinXCrypto crypto,
        TimeProvider time,
        ILogger<MoveMoneyActivity> logger)
    {
        _transactions = transactions;
        _accounts = accounts;
        _processor = processor;
        _status = status;
        _crypto = crypto;
        _time = time;
        _logger = logger;
    }

    /// <summary>The idempotency key of a workflow's transaction (its first payment attempt's).</summary>
    public static string IdempotencyKey(Guid workflowId) => workflowId.ToString("D") + ":" + StepNames.MoveMoney;

    /// <summary>The idempotency key of payment attempt <paramref name="attempt"/>: the first keeps the workflow's key.</summary>
    public static string IdempotencyKey(Guid workflowId, int attempt) =>
        PaymentAttempt.KeyOf(IdempotencyKey(workflowId), attempt);

    /// <summary>The transaction id of payment attempt <paramref name="attempt"/>: the first keeps the id of (workflow, move-money).</summary>
    public static Guid TransactionId(Guid workflowId, int attempt) =>
        DeterministicId.From(workflowId, PaymentAttempt.KeyOf(StepNames.MoveMoney, attempt));

    public async Task<TransactionOutput> RunAsync(MoveMoneyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var transaction = await MoveAsync(input, cancellationToken);
        var output = ToOutput(_crypto, transaction);
        if (transaction.Status is not (TransactionStatus.Declined or TransactionStatus.Error))
        {
            var attempt = PaymentAttempt.From(Math.Max(input.Attempt, 1), input.CustomerFinancialAccountId, output);
            await _status.WriteAfterStepAsync(
                input.Then, then => then.With(StepData.Transaction(transaction), transactionId: transaction.TransactionId, attempt: attempt), cancellationToken);
        }

        return output;
    }

    /// <summary>The outcome of a workflow's transaction, its step data sealed for that workflow.</summary>
    internal static TransactionOutput ToOutput(LinXCrypto crypto, Transaction transaction) =>
        new(transaction.TransactionId, transaction.Status, transaction.SettleAt?.UtcDateTime, transaction.StatusReason,
            StepData.Seal(
                crypto,
                transaction.WorkflowId ?? throw new InvalidOperationException("The transaction belongs to no workflow."),
                StepData.Transaction(transaction)),
            ReasonCode: transaction.StatusReasonCode,
            CreatedAt: transaction.CreatedAt);

    private async Task<Transaction> MoveAsync(MoveMoneyInput input, CancellationToken cancellationToken)
    {
        var key = IdempotencyKey(input.WorkflowId, input.Attempt);
        var step = input.Step;
        var transaction = await _transactions.FindByIdempotencyKeyAsync(input.BusinessId, key, cancellationToken)
            ?? await _transactions.CreateAsync(
                new Transaction(
                    TransactionId(input.WorkflowId, input.Attempt), input.BusinessId, input.WorkflowId, key,
                    step.TransactionType, step.Solution, step.Priority, step.Amount, step.Currency, input.CustomerFinancialAccountId,
                    step.BaFinancialAccountId, step.PaymentReasonId, step.Description, step.Memo, TransactionStatus.New,
                    null, null, _time.GetUtcNow(), null, null) { StartDateTime = step.StartDateTime },
                cancellationToken);
        if (transaction.Status != TransactionStatus.New)
        {
            return transaction;
        }

        var customerAccount = await _accounts.GetAsync(input.BusinessId, input.CustomerFinancialAccountId, cancellationToken);
        var businessAccount = await _accounts.GetAsync(input.BusinessId, step.BaFinancialAccountId, cancellationToken);
        PaymentOutcome outcome;
        if (customerAccount is null || businessAccount is null || businessAccount.CustomerId is not null)
        {
            outcome = new PaymentOutcome(
                TransactionStatus.Error, null, null, "A financial account of the transaction does not exist.", PaymentDeclineCodes.SystemError);
        }
        else
        {
            outcome = await _processor.SubmitAsync(
                new PaymentRequest(
                    key, step.TransactionType, step.Solution, step.Priority, step.Amount, step.Currency,
                    customerAccount.ProcessorToken, businessAccount.ProcessorToken) { StartDateTime = transaction.StartDateTime },
                cancellationToken);
        }

        var settled = outcome.Status is TransactionStatus.Settled or TransactionStatus.Cleared ? _time.GetUtcNow() : (DateTimeOffset?)null;
        transaction = await _transactions.UpdateStatusAsync(
            input.BusinessId, transaction.TransactionId, outcome.Status, outcome.ProcessorReference, outcome.Reason, outcome.SettleAt, settled, outcome.ReasonCode, cancellationToken);
        _logger.TransactionStatus(transaction.TransactionId, transaction.WorkflowId, transaction.Status.ToString());
        return transaction;
    }
}
