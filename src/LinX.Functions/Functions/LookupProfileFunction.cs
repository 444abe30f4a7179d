using LinX.Core.Activities;
using LinX.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Functions;

/// <summary>Activity function <c>LookupProfile</c>: runs <see cref="LookupProfileActivity"/>.</summary>
public sealed class LookupProfileFunction
{
    private readonly LookupProfileActivity _activity;

    public LookupProfileFunction(LookupProfileActivity activity) => _activity = activity;

    [Function(ActivityNames.LookupProfile)]
    public Task<StepActivityOutput> RunAsync([ActivityTrigger] LookupInput input, FunctionContext context) =>
        _activity.RunAsync(input, context.CancellationToken);
}
