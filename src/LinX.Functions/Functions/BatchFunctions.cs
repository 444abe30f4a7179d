using LinX.Core.Batches;
using LinX.Core.Orchestration;
using LinX.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Functions.Functions;

/// <summary>
/// The batch orchestrator function (<see cref="BatchOrchestration"/> on Durable Functions' context) and its activity
/// <c>RunBatchChunk</c>. The activity starts and cancels workflows, so it is resolved only after this invocation's Durable
/// client is bound (as <see cref="UpdateWorkflowStatusFunction"/>).
/// </summary>
public static class BatchFunctions
{
    [Function(BatchOrchestration.Name)]
    public static Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, BatchOrchestrationInput input) =>
        BatchOrchestration.RunAsync(context, input);

    [Function(ActivityNames.RunBatchChunk)]
    public static Task<BatchChunkResult> RunChunkAsync(
        [ActivityTrigger] BatchChunkInput input, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        context.BindDurableClient(client).GetRequiredService<RunBatchChunkActivity>().RunAsync(input, context.CancellationToken);
}
