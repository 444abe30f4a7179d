using LinX.Core.Activities;
using LinX.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Functions;

/// <summary>Activity function <c>MoveMoney</c>: runs <see cref="MoveMoneyActivity"/>.</summary>
public sealed class MoveMoneyFunction
{
    private readonly MoveMoneyActivity _activity;

    public MoveMoneyFunction(MoveMoneyActivity activity) => _activity = activity;

    [Function(ActivityNames.MoveMoney)]
    public Task<TransactionOutput> RunAsync([ActivityTrigger] MoveMoneyInput input, FunctionContext context) =>
        _activity.RunAsync(input, context.CancellationToken);
}
