using LinX.Core.Activities;
using LinX.Core.Orchestration;
using LinX.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Functions.Functions;

/// <summary>
/// Activity function <c>MoveMoney</c>: runs <see cref="MoveMoneyActivity"/>. The activity also writes the workflow row, which publishes
/// webhooks (starting or waking dispatcher orchestrations), so it is resolved only after this invocation's Durable client
/// is bound, as in <see cref="UpdateWorkflowStatusFunction"/>.
/// </summary>
public static class MoveMoneyFunction
{
    [Function(ActivityNames.MoveMoney)]
    public static Task<TransactionOutput> RunAsync([ActivityTrigger] MoveMoneyInput input, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        context.BindDurableClient(client).GetRequiredService<MoveMoneyActivity>().RunAsync(input, context.CancellationToken);
}
