using LinX.Core.Activities;
using LinX.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Functions;

/// <summary>Activity function <c>LookupFinancialAccount</c>: runs <see cref="LookupFinancialAccountActivity"/>.</summary>
public sealed class LookupFinancialAccountFunction
{
    private readonly LookupFinancialAccountActivity _activity;

    public LookupFinancialAccountFunction(LookupFinancialAccountActivity activity) => _activity = activity;

    [Function(ActivityNames.LookupFinancialAccount)]
    public Task<StepActivityOutput> RunAsync([ActivityTrigger] LookupInput input, FunctionContext context) =>
        _activity.RunAsync(input, context.CancellationToken);
}
