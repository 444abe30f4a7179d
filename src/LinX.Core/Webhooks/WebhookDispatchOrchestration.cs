using LinX.Core.Orchestration;
using Microsoft.DurableTask;

namespace LinX.Core.Webhooks;

/// <summary>
/// Delivers one subscription's events of one workflow, in order, durably: loads the pending deliveries, attempts
/// each until it is delivered, fails for good, or its retry window (24 h) runs out, waiting between attempts on
/// durable timers (exponential backoff with replay-safe jitter, or the receiver's Retry-After). When nothing is
/// pending it waits for <see cref="EventName"/> raced with an idle timer and ends when idle; the publisher restarts
/// it on demand. One instance per (subscription, workflow) keeps a slow receiver from delaying anyone else.
/// </summary>
public static class WebhookDispatchOrchestration
{
    /// <summary>The name the orchestrator is registered and scheduled by.</summary>
    public const string Name = "WebhookDispatchOrchestration";

    /// <summary>The event that tells a running dispatcher that more deliveries are pending.</summary>
    public const string EventName = "WebhookEventsAvailable";

    /// <summary>The instance of a (subscription, workflow): deterministic, so scheduling it is idempotent.</summary>
    public static string InstanceIdOf(Guid subscriptionId, Guid workflowId) => $"webhooks-{subscriptionId:N}-{workflowId:N}";

    /// <summary>Runs the dispatcher; returns how it ended (<c>idle</c> or <c>inactive</c>).</summary>
    public static async Task<string> RunAsync(TaskOrchestrationContext context, WebhookDispatchInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var scope = new PendingWebhooksInput(input.BusinessId, input.SubscriptionId, input.WorkflowId);
        while (true)
        {
            var pending = await context.CallActivityAsync<PendingWebhooksOutput>(WebhookActivityNames.LoadPendingWebhooks, scope, LinxOrchestration.ActivityRetry);
            if (!pending.Active)
            {
                return "inactive";
            }

            if (pending.EventIds.Count == 0)
            {
                using var cts = new CancellationTokenSource();
                var more = context.WaitForExternalEvent<bool>(EventName, cts.Token);
                var idle = context.CreateTimer(context.CurrentUtcDateTime + input.IdleTimeout, cts.Token);
                var winner = await Task.WhenAny(more, idle);
                cts.Cancel();
                if (winner != more)
                {
                    return "idle";
                }

                continue;
            }

            foreach (var eventId in pending.EventIds)
            {
                if (!await DeliverAsync(context, input, eventId))
                {
                    return "inactive";
                }
            }
        }
    }

    /// <summary>Attempts one event until it is settled; false when the subscription stopped receiving.</summary>
    private static async Task<bool> DeliverAsync(TaskOrchestrationContext context, WebhookDispatchInput input, Guid eventId)
    {
        var start = context.CurrentUtcDateTime;
        for (var attempt = 1; ; attempt++)
        {
            DeliverWebhookOutput result;
            try
            {
                result = await context.CallActivityAsync<DeliverWebhookOutput>(
                    WebhookActivityNames.DeliverWebhook,
                    new DeliverWebhookInput(input.BusinessId, input.SubscriptionId, eventId, context.NewGuid()),
                    LinxOrchestration.ActivityRetry);
            }
            catch (TaskFailedException)
            {
                result = new DeliverWebhookOutput(WebhookAttemptOutcome.Retry, null); // our own storage failed: try again later
            }

            switch (result.Outcome)
            {
                case WebhookAttemptOutcome.Delivered or WebhookAttemptOutcome.Permanent:
                    return true;
                case WebhookAttemptOutcome.Suspended:
                    return false;
            }

            var delay = WebhookRetry.Delay(attempt, input.FirstRetryDelay, input.MaxRetryDelay, context.NewGuid(), result.RetryAfter);
            var fireAt = context.CurrentUtcDateTime + delay;
            if (fireAt - start > input.RetryWindow)
            {
                await context.CallActivityAsync<bool>(
                    WebhookActivityNames.FailWebhookDelivery, new FailWebhookDeliveryInput(input.SubscriptionId, eventId), LinxOrchestration.ActivityRetry);
                return true;
            }

            await context.CreateTimer(fireAt, CancellationToken.None);
        }
    }
}
