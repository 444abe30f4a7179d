using LinX.Core.Activities;
using LinX.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Functions;

/// <summary>Activity function <c>CreateCustomerAccount</c>: runs <see cref="CreateCustomerAccountActivity"/>.</summary>
public sealed class CreateCustomerAccountFunction
{
    private readonly CreateCustomerAccountActivity _activity;

    public CreateCustomerAccountFunction(CreateCustomerAccountActivity activity) => _activity = activity;

    [Function(ActivityNames.CreateCustomerAccount)]
    public Task<StepActivityOutput> RunAsync([ActivityTrigger] CreateCustomerAccountInput input, FunctionContext context) =>
        _activity.RunAsync(input, context.CancellationToken);
}
