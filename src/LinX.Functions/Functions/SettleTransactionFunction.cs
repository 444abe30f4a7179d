using LinX.Core.Activities;
using LinX.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Functions;

/// <summary>Activity function <c>SettleTransaction</c>: runs <see cref="SettleTransactionActivity"/>.</summary>
public sealed class SettleTransactionFunction
{
    private readonly SettleTransactionActivity _activity;

    public SettleTransactionFunction(SettleTransactionActivity activity) => _activity = activity;

    [Function(ActivityNames.SettleTransaction)]
    public Task<TransactionOutput> RunAsync([ActivityTrigger] SettleTransactionInput input, FunctionContext context) =>
        _activity.RunAsync(input, context.CancellationToken);
}
