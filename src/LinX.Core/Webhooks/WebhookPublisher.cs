using LinX.Core.Orchestration;
using LinX.Core.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LinX.Core.Webhooks;

/// <summary>
/// Records events for every active subscription that wants them (one delivery row per subscription and event,
/// idempotently) and makes sure the (subscription, workflow) dispatcher runs. Called from activities, and from the
/// Gateway when a link locks (<see cref="PublishLockedAsync"/>).
/// </summary>
public sealed class WebhookPublisher
{
    /// <summary>The sequence slot of the lock event within its version: after every event an orchestrator update derives.</summary>
    private const int LockedSlot = 15;

    private readonly IWebhookSubscriptionStore _subscriptions;
    private readonly IWebhookDeliveryStore _deliveries;
    private readonly DurableTaskClient _orchestrations;
    private readonly WebhookOptions _options;
    private readonly ILogger<WebhookPublisher> _logger;

    public WebhookPublisher(
        IWebhookSubscriptionStore subscriptions,
        IWebhookDeliveryStore deliveries,
        DurableTaskClient orchestrations,
        IOptions<WebhookOptions> options,
        ILogger<WebhookPublisher> logger)
    {
        _subscriptions = subscriptions;
        _deliveries = deliveries;
        _orchestrations = orchestrations;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>
    /// Writes the delivery rows of <paramref name="events"/> (update <paramref name="version"/> of a workflow) and
    /// returns the subscriptions that got any, to be kicked with <see cref="KickAsync"/> once the workflow row is written.
    /// </summary>
    public Task<IReadOnlyList<WebhookSubscription>> RecordAsync(
        Guid businessId, Guid workflowId, long version, IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken) =>
        RecordAsync(businessId, workflowId, version, 0, events, cancellationToken);

    /// <summary>
    /// Publishes <see cref="WebhookEventTypes.WorkflowLocked"/> for a workflow whose link has just locked. Its id and
    /// sequence come from the workflow's version (the last orchestrator update), so it follows that update's events and
    /// is published once per version: a link locked again before anything else happens to the workflow is not announced twice.
    /// </summary>
    public async Task PublishLockedAsync(WorkflowRecord workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var locked = new WebhookEvent(
            WebhookEvent.IdOf(workflow.WorkflowId, workflow.Version, WebhookEventTypes.WorkflowLocked), WebhookEventTypes.WorkflowLocked, workflow.LockedAt!.Value,
            new { workflowId = workflow.WorkflowId, status = workflow.Status.ToContractString(), locked = true, lockedAt = workflow.LockedAt });
        foreach (var subscription in await RecordAsync(workflow.BusinessId, workflow.WorkflowId, workflow.Version, LockedSlot, [locked], cancellationToken))
        {
            await KickAsync(workflow.BusinessId, subscription.SubscriptionId, workflow.WorkflowId, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<WebhookSubscription>> RecordAsync(
        Guid businessId, Guid workflowId, long version, int firstSlot, IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return [];
        }

        var receiving = new List<WebhookSubscription>();
        foreach (var subscription in await _subscriptions.ListAsync(businessId, cancellationToken))
        {
            var any = false;
            for (var index = 0; index < events.Count; index++)
            {
                var e = events[index];
                if (!subscription.Receives(e.Type))
                {
                    continue;
                }

                any = true;
                await _deliveries.AddIfAbsentAsync(
                    new WebhookDelivery
                    {
                        SubscriptionId = subscription.SubscriptionId,
                        EventId = e.Id,
                        BusinessId = businessId,
                        WorkflowId = workflowId,
                        Sequence = (version * 16) + firstSlot + index,
                        EventType = e.Type,
                        CreatedAt = e.CreatedAt,
                        Body = e.ToJson(),
                        State = WebhookDeliveryState.Pending,
                    },
                    cancellationToken);
            }

            if (any)
            {
                receiving.Add(subscription);
            }
        }

        return receiving;
    }

    /// <summary>
    /// After a re-run of an update already applied: the rows exist but the kick may have been lost, so every active
    /// subscription with pending deliveries of the workflow is kicked again.
    /// </summary>
    public async Task KickPendingAsync(Guid businessId, Guid workflowId, CancellationToken cancellationToken)
    {
        foreach (var subscription in await _subscriptions.ListAsync(businessId, cancellationToken))
        {
            if (subscription.State == WebhookSubscriptionState.Active
                && (await _deliveries.ListPendingAsync(subscription.SubscriptionId, workflowId, cancellationToken)).Count > 0)
            {
                await KickAsync(businessId, subscription.SubscriptionId, workflowId, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Makes sure the dispatcher of (subscription, workflow) runs and looks again: schedules it (replacing a finished
    /// one) or raises <see cref="WebhookDispatchOrchestration.EventName"/> to the running one.
    /// </summary>
    public async Task KickAsync(Guid businessId, Guid subscriptionId, Guid workflowId, CancellationToken cancellationToken)
    {
        var instanceId = WebhookDispatchOrchestration.InstanceIdOf(subscriptionId, workflowId);
        var instance = await _orchestrations.GetInstanceAsync(instanceId, cancellationToken);
        if (instance is { IsCompleted: false }
            && await _orchestrations.TryRaiseEventAsync(instanceId, WebhookDispatchOrchestration.EventName, true, cancellationToken))
        {
            return;
        }

        var input = new WebhookDispatchInput(
            businessId, subscriptionId, workflowId, _options.FirstRetryDelay, _options.MaxRetryDelay, _options.RetryWindow, _options.DispatcherIdleTimeout);
        await _orchestrations.ScheduleUnlessRunningAsync(WebhookDispatchOrchestration.Name, input, instanceId, cancellationToken);
        _logger.WebhookDispatcherStarted(subscriptionId, workflowId);
    }
}
