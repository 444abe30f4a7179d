using LinX.Core.Webhooks;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Functions;

/// <summary>The webhook activity functions, one line each onto the activities of <c>LinX.Core.Webhooks</c>.</summary>
public sealed class WebhookActivityFunctions
{
    private readonly LoadPendingWebhooksActivity _load;
    private readonly DeliverWebhookActivity _deliver;
    private readonly FailWebhookDeliveryActivity _fail;

    public WebhookActivityFunctions(LoadPendingWebhooksActivity load, DeliverWebhookActivity deliver, FailWebhookDeliveryActivity fail)
    {
        _load = load;
        _deliver = deliver;
        _fail = fail;
    }

    [Function(WebhookActivityNames.LoadPendingWebhooks)]
    public Task<PendingWebhooksOutput> LoadAsync([ActivityTrigger] PendingWebhooksInput input, FunctionContext context) =>
        _load.RunAsync(input, context.CancellationToken);

    [Function(WebhookActivityNames.DeliverWebhook)]
    public Task<DeliverWebhookOutput> DeliverAsync([ActivityTrigger] DeliverWebhookInput input, FunctionContext context) =>
        _deliver.RunAsync(input, context.CancellationToken);

    [Function(WebhookActivityNames.FailWebhookDelivery)]
    public Task<bool> FailAsync([ActivityTrigger] FailWebhookDeliveryInput input, FunctionContext context) =>
        _fail.RunAsync(input, context.CancellationToken);
}
