using LinX.Core.Activities;
using LinX.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Functions;

/// <summary>Activity function <c>CreateFinancialAccount</c>: runs <see cref="CreateFinancialAccountActivity"/>.</summary>
public sealed class CreateFinancialAccountFunction
{
    private readonly CreateFinancialAccountActivity _activity;

    public CreateFinancialAccountFunction(CreateFinancialAccountActivity activity) => _activity = activity;

    [Function(ActivityNames.CreateFinancialAccount)]
    public Task<StepActivityOutput> RunAsync([ActivityTrigger] CreateFinancialAccountInput input, FunctionContext context) =>
        _activity.RunAsync(input, context.CancellationToken);
}
