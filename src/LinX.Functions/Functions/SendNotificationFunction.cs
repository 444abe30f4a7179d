using LinX.Core.Activities;
using LinX.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Functions;

/// <summary>Activity function <c>SendNotification</c>: runs <see cref="SendNotificationActivity"/>.</summary>
public sealed class SendNotificationFunction
{
    private readonly SendNotificationActivity _activity;

    public SendNotificationFunction(SendNotificationActivity activity) => _activity = activity;

    [Function(ActivityNames.SendNotification)]
    public Task<SendNotificationOutput> RunAsync([ActivityTrigger] SendNotificationInput input, FunctionContext context) =>
        _activity.RunAsync(input, context.CancellationToken);
}
