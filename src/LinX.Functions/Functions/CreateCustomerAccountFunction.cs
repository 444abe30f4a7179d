using LinX.Core.Activities;
using LinX.Core.Orchestration;
using LinX.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Functions.Functions;

/// <summary>
/// Activity function <c>CreateCustomerAccount</c>: runs <see cref="CreateCustomerAccountActivity"/>. The activity also writes the workflow row, which publishes
/// webhooks (starting or waking dispatcher orchestrations), so it is resolved only after this invocation's Durable client
/// is bound, as in <see cref="UpdateWorkflowStatusFunction"/>.
/// </summary>
public static class CreateCustomerAccountFunction
{
    [Function(ActivityNames.CreateCustomerAccount)]
    public static Task<StepActivityOutput> RunAsync([ActivityTrigger] CreateCustomerAccountInput input, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        context.BindDurableClient(client).GetRequiredService<CreateCustomerAccountActivity>().RunAsync(input, context.CancellationToken);
}
