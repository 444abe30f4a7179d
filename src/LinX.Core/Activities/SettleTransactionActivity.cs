using LinX.Core.Orchestration;
using LinX.Core.Payments;
using LinX.Core.Security;
using Microsoft.Extensions.Logging;

namespace LinX.Core.Activities;

/// <summary>
/// Asks the processor for the final status of a pending transaction and stores it (a final status is kept as is); the
/// step data it returns is sealed (ADR 0011).
/// </summary>
public sealed class SettleTransactionActivity : IActivity<SettleTransactionInput, TransactionOutput>
{
    private readonly ITransactionStore _transactions;
    private readonly IPaymentProcessor _processor;
    private readonly LinXCrypto _crypto;
    private readonly TimeProvider _time;
    private readonly ILogger<SettleTransactionActivity> _logger;

    public SettleTransactionActivity(
        ITransactionStore transactions, IPaymentProcessor processor, LinXCrypto crypto, TimeProvider time, ILogger<SettleTransactionActivity> logger)
    {
        _transactions = transactions;
        _processor = processor;
        _crypto = crypto;
        _time = time;
        _logger = logger;
    }

    public async Task<TransactionOutput> RunAsync(SettleTransactionInput input, CancellationToken cancellationToken)
    {
        var transaction = await _transactions.GetAsync(input.BusinessId, input.TransactionId, cancellationToken)
            ?? throw new InvalidOperationException("The transaction does not exist.");
        if (transaction.IsFinal || transaction.ProcessorReference is null)
        {
            return MoveMoneyActivity.ToOutput(_crypto, transaction);
        }

        var outcome = await _processor.GetSettlementAsync(transaction.ProcessorReference, transaction.Solution, cancellationToken);
        var settled = outcome.Status is TransactionStatus.Settled or TransactionStatus.Cleared ? _time.GetUtcNow() : (DateTimeOffset?)null;
        transaction = await _transactions.UpdateStatusAsync(
            input.BusinessId, input.TransactionId, outcome.Status, transaction.ProcessorReference, outcome.Reason, transaction.SettleAt, settled, outcome.ReasonCode, cancellationToken);
        _logger.TransactionStatus(transaction.TransactionId, transaction.WorkflowId, transaction.Status.ToString());
        return MoveMoneyActivity.ToOutput(_crypto, transaction);
    }
}
