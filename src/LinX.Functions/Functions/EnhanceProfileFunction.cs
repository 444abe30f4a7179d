using LinX.Core.Activities;
using LinX.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Functions;

/// <summary>Activity function <c>EnhanceProfile</c>: runs <see cref="EnhanceProfileActivity"/>.</summary>
public sealed class EnhanceProfileFunction
{
    private readonly EnhanceProfileActivity _activity;

    public EnhanceProfileFunction(EnhanceProfileActivity activity) => _activity = activity;

    [Function(ActivityNames.EnhanceProfile)]
    public Task<StepActivityOutput> RunAsync([ActivityTrigger] EnhanceProfileInput input, FunctionContext context) =>
        _activity.RunAsync(input, context.CancellationToken);
}
