using System.Globalization;
using LinX.Core.Orchestration;
using LinX.Core.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LinX.Core.Webhooks;

/// <summary>
/// One delivery attempt: signs the stored body with a fresh timestamp, POSTs it, records the attempt (status code,
/// latency) in the delivery log and classifies the result: 2xx delivered; timeouts, network errors, 408, 429 and 5xx
/// retried; any other status (including redirects, never followed) failed for good.
/// </summary>
public sealed class DeliverWebhookActivity : IActivity<DeliverWebhookInput, DeliverWebhookOutput>
{
    public const string EventIdHeader = "LinX-Event-Id";
    public const string EventTypeHeader = "LinX-Event-Type";

    private readonly IWebhookSubscriptionStore _subscriptions;
    private readonly IWebhookDeliveryStore _deliveries;
    private readonly IWebhookSender _sender;
    private readonly LinXCrypto _crypto;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DeliverWebhookActivity> _logger;

    public DeliverWebhookActivity(
        IWebhookSubscriptionStore subscriptions,
        IWebhookDeliveryStore deliveries,
        IWebhookSender sender,
        LinXCrypto crypto,
        IOptions<WebhookOptions> options,
        TimeProvider time,
        ILogger<DeliverWebhookActivity> logger)
    {
        _subscriptions = subscriptions;
        _deliveries = deliveries;
        _sender = sender;
        _crypto = crypto;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public async Task<DeliverWebhookOutput> RunAsync(DeliverWebhookInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var delivery = await _deliveries.GetAsync(input.SubscriptionId, input.EventId, cancellationToken);
        if (delivery is null || delivery.State != WebhookDeliveryState.Pending)
        {
            return new DeliverWebhookOutput(WebhookAttemptOutcome.Delivered, null); // settled meanwhile (or by an earlier run)
        }

        var subscription = await _subscriptions.GetAsync(input.BusinessId, input.SubscriptionId, cancellationToken);
        if (subscription is null)
        {
            await RecordAsync(input, null, TimeSpan.Zero, WebhookErrors.SubscriptionGone, WebhookDeliveryState.Failed, cancellationToken);
            return new DeliverWebhookOutput(WebhookAttemptOutcome.Permanent, null);
        }

        if (subscription.State != WebhookSubscriptionState.Active)
        {
            return new DeliverWebhookOutput(WebhookAttemptOutcome.Suspended, null);
        }

        if (WebhookUrlRules.Parse(subscription.Url.OriginalString, _options.AllowLoopback, _options.AllowPrivateNetworks, out _) is not { } url)
        {
            await RecordAsync(input, null, TimeSpan.Zero, WebhookErrors.BlockedAddress, WebhookDeliveryState.Failed, cancellationToken);
            return new DeliverWebhookOutput(WebhookAttemptOutcome.Permanent, null);
        }

        var headers = new Dictionary<string, string>
        {
            [WebhookSignature.HeaderName] = WebhookSignature.Sign(WebhookSecrets.SigningSecrets(_crypto, subscription, _time.GetUtcNow()), _time.GetUtcNow(), delivery.Body),
            [EventIdHeader] = delivery.EventId.ToString("D"),
            [EventTypeHeader] = delivery.EventType,
        };
        var result = await _sender.SendAsync(url, delivery.Body, headers, cancellationToken);
        var outcome = result.StatusCode is >= 200 and < 300
            ? WebhookAttemptOutcome.Delivered
            : WebhookRetry.IsTransient(result) ? WebhookAttemptOutcome.Retry : WebhookAttemptOutcome.Permanent;
        var error = result.Error ?? (result.StatusCode is >= 300 and < 400 ? WebhookErrors.Redirect : null);
        var state = outcome switch
        {
            WebhookAttemptOutcome.Delivered => WebhookDeliveryState.Delivered,
            WebhookAttemptOutcome.Permanent => WebhookDeliveryState.Failed,
            _ => WebhookDeliveryState.Pending,
        };
        await RecordAsync(input, result.StatusCode, result.Latency, error, state, cancellationToken);
        _logger.WebhookAttempted(input.SubscriptionId, input.EventId, result.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? error ?? "none", outcome.ToString());
        return new DeliverWebhookOutput(outcome, outcome == WebhookAttemptOutcome.Retry ? result.RetryAfter : null);
    }

    private Task RecordAsync(DeliverWebhookInput input, int? status, TimeSpan latency, string? error, WebhookDeliveryState state, CancellationToken cancellationToken) =>
        _deliveries.RecordAsync(
            input.SubscriptionId,
            input.EventId,
            new WebhookAttempt(input.AttemptId, _time.GetUtcNow(), status, (long)latency.TotalMilliseconds, error),
            state,
            cancellationToken);
}
