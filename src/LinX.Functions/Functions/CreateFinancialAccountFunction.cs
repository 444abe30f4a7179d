using LinX.Core.Activities;
using LinX.Core.Orchestration;
using LinX.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Functions.Functions;

/// <summary>
/// Activity function <c>CreateFinancialAccount</c>: runs <see cref="CreateFinancialAccountActivity"/>. The activity also writes the workflow row, which publishes
/// webhooks (starting or waking dispatcher orchestrations), so it is resolved only after this invocation's Durable client
/// is bound, as in <see cref="UpdateWorkflowStatusFunction"/>.
/// </summary>
public static class CreateFinancialAccountFunction
{
    [Function(ActivityNames.CreateFinancialAccount)]
    public static Task<StepActivityOutput> RunAsync([ActivityTrigger] CreateFinancialAccountInput input, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        context.BindDurableClient(client).GetRequiredService<CreateFinancialAccountActivity>().RunAsync(input, context.CancellationToken);
}
