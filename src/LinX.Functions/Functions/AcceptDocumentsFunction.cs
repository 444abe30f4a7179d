using LinX.Core.Activities;
using LinX.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Functions;

/// <summary>Activity function <c>AcceptDocuments</c>: runs <see cref="AcceptDocumentsActivity"/>.</summary>
public sealed class AcceptDocumentsFunction
{
    private readonly AcceptDocumentsActivity _activity;

    public AcceptDocumentsFunction(AcceptDocumentsActivity activity) => _activity = activity;

    [Function(ActivityNames.AcceptDocuments)]
    public Task<StepActivityOutput> RunAsync([ActivityTrigger] AcceptDocumentsInput input, FunctionContext context) =>
        _activity.RunAsync(input, context.CancellationToken);
}
