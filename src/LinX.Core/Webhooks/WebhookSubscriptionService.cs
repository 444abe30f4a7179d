using LinX.Core.Businesses;
using LinX.Core.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LinX.Core.Webhooks;

/// <summary>
/// The business's webhook subscriptions and their delivery logs. Tenant-scoped: another business's subscription is
/// <see cref="ServiceOutcome.NotFound"/>. The signing secret is returned only by create and rotate-secret.
/// </summary>
public sealed class WebhookSubscriptionService
{
    public const int MaxSubscriptionsPerBusiness = 20;
    public const int MaxDeliveriesListed = 100;

    /// <summary>How long the secret before a rotation goes on signing next to the new one.</summary>
    public static readonly TimeSpan SecretOverlap = TimeSpan.FromHours(24);

    private readonly IWebhookSubscriptionStore _subscriptions;
    private readonly IWebhookDeliveryStore _deliveries;
    private readonly WebhookPublisher _publisher;
    private readonly LinXCrypto _crypto;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookSubscriptionService> _logger;

    public WebhookSubscriptionService(
        IWebhookSubscriptionStore subscriptions,
        IWebhookDeliveryStore deliveries,
        WebhookPublisher publisher,
        LinXCrypto crypto,
        IOptions<WebhookOptions> options,
        TimeProvider time,
        ILogger<WebhookSubscriptionService> logger)
    {
        _subscriptions = subscriptions;
        _deliveries = deliveries;
        _publisher = publisher;
        _crypto = crypto;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public async Task<ServiceResult<WebhookSubscriptionView>> CreateAsync(Business business, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        var request = WebhookSubscriptionRequest.Parse(body, _options);
        if (request.Errors.Count > 0)
        {
            return ServiceResult.Fail<WebhookSubscriptionView>(ServiceOutcome.Invalid, request.Errors);
        }

        if ((await _subscriptions.ListAsync(business.BusinessId, cancellationToken)).Count >= MaxSubscriptionsPerBusiness)
        {
            return ServiceResult.Fail<WebhookSubscriptionView>(ServiceOutcome.Conflict, new FieldError(
                "$", $"A business has at most {MaxSubscriptionsPerBusiness} subscriptions.", ServiceErrorCodes.WebhookSubscriptionLimit));
        }

        var id = Guid.NewGuid();
        var secret = WebhookSignature.NewSecret();
        var now = _time.GetUtcNow();
        var subscription = new WebhookSubscription
        {
            SubscriptionId = id,
            BusinessId = business.BusinessId,
            Url = request.Url!,
            EventTypes = request.EventTypes,
            Description = request.Description,
            State = WebhookSubscriptionState.Active,
            EncryptedSecret = WebhookSecrets.Encrypt(_crypto, id, secret),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await _subscriptions.UpsertAsync(subscription, cancellationToken);
        _logger.WebhookSubscriptionChanged(id, business.BusinessId, "created");
        return ServiceResult.Ok(WebhookSubscriptionView.From(subscription, secret));
    }

    public async Task<ServiceResult<IReadOnlyList<WebhookSubscriptionView>>> ListAsync(Business business, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        var list = await _subscriptions.ListAsync(business.BusinessId, cancellationToken);
        return ServiceResult.Ok<IReadOnlyList<WebhookSubscriptionView>>([.. list.Select(s => WebhookSubscriptionView.From(s))]);
    }

    public async Task<ServiceResult<WebhookSubscriptionView>> GetAsync(Business business, Guid id, CancellationToken cancellationToken) =>
        await FindAsync(business, id, cancellationToken) is { } s ? ServiceResult.Ok(WebhookSubscriptionView.From(s)) : NotFound<WebhookSubscriptionView>();

    public async Task<ServiceResult<WebhookSubscriptionView>> UpdateAsync(Business business, Guid id, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (await FindAsync(business, id, cancellationToken) is not { } existing)
        {
            return NotFound<WebhookSubscriptionView>();
        }

        var request = WebhookSubscriptionRequest.Parse(body, _options);
        if (request.Errors.Count > 0)
        {
            return ServiceResult.Fail<WebhookSubscriptionView>(ServiceOutcome.Invalid, request.Errors);
        }

        var updated = existing with { Url = request.Url!, EventTypes = request.EventTypes, Description = request.Description, UpdatedAt = _time.GetUtcNow() };
        await _subscriptions.UpsertAsync(updated, cancellationToken);
        _logger.WebhookSubscriptionChanged(id, existing.BusinessId, "updated");
        return ServiceResult.Ok(WebhookSubscriptionView.From(updated));
    }

    /// <summary>Suspended subscriptions get no new events and their dispatchers stop; resuming sends what is still pending.</summary>
    public async Task<ServiceResult<WebhookSubscriptionView>> SetStateAsync(
        Business business, Guid id, WebhookSubscriptionState state, CancellationToken cancellationToken)
    {
        if (await FindAsync(business, id, cancellationToken) is not { } existing)
        {
            return NotFound<WebhookSubscriptionView>();
        }

        var updated = existing with { State = state, UpdatedAt = _time.GetUtcNow() };
        await _subscriptions.UpsertAsync(updated, cancellationToken);
        _logger.WebhookSubscriptionChanged(id, existing.BusinessId, state == WebhookSubscriptionState.Active ? "resumed" : "suspended");
        if (state == WebhookSubscriptionState.Active)
        {
            var pending = await _deliveries.ListPendingAsync(id, null, cancellationToken);
            foreach (var workflowId in pending.Select(d => d.WorkflowId).Distinct())
            {
                await _publisher.KickAsync(existing.BusinessId, id, workflowId, cancellationToken);
            }
        }

        return ServiceResult.Ok(WebhookSubscriptionView.From(updated));
    }

    public async Task<ServiceResult<bool>> DeleteAsync(Business business, Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(business, id, cancellationToken) is null || !await _subscriptions.DeleteAsync(business.BusinessId, id, cancellationToken))
        {
            return NotFound<bool>();
        }

        _logger.WebhookSubscriptionChanged(id, business.BusinessId, "deleted");
        return ServiceResult.Ok(true);
    }

    /// <summary>
    /// A new secret signs every later attempt; it is returned once. The old one goes on signing too, as a second
    /// <c>v1</c>, for <see cref="SecretOverlap"/>: the business can deploy the new secret without failing a delivery.
    /// </summary>
    public async Task<ServiceResult<WebhookSubscriptionView>> RotateSecretAsync(Business business, Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(business, id, cancellationToken) is not { } existing)
        {
            return NotFound<WebhookSubscriptionView>();
        }

        var secret = WebhookSignature.NewSecret();
        var now = _time.GetUtcNow();
        var updated = existing with
        {
            EncryptedSecret = WebhookSecrets.Encrypt(_crypto, id, secret),
            PreviousEncryptedSecret = existing.EncryptedSecret,
            PreviousSecretExpiresAt = now + SecretOverlap,
            UpdatedAt = now,
        };
        await _subscriptions.UpsertAsync(updated, cancellationToken);
        _logger.WebhookSubscriptionChanged(id, existing.BusinessId, "secret rotated");
        return ServiceResult.Ok(WebhookSubscriptionView.From(updated, secret));
    }

    /// <summary>The delivery log, newest first (at most <see cref="MaxDeliveriesListed"/>).</summary>
    public async Task<ServiceResult<IReadOnlyList<WebhookDeliveryView>>> ListDeliveriesAsync(Business business, Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(business, id, cancellationToken) is null)
        {
            return NotFound<IReadOnlyList<WebhookDeliveryView>>();
        }

        var list = await _deliveries.ListAsync(id, MaxDeliveriesListed, cancellationToken);
        return ServiceResult.Ok<IReadOnlyList<WebhookDeliveryView>>([.. list.Select(WebhookDeliveryView.From)]);
    }

    /// <summary>Sends a past event again (same id and body, new signature); 409 while the subscription is suspended.</summary>
    public async Task<ServiceResult<WebhookRedeliveryAccepted>> RedeliverAsync(Business business, Guid id, Guid eventId, CancellationToken cancellationToken)
    {
        if (await FindAsync(business, id, cancellationToken) is not { } subscription
            || await _deliveries.GetAsync(id, eventId, cancellationToken) is not { } delivery)
        {
            return NotFound<WebhookRedeliveryAccepted>();
        }

        if (subscription.State != WebhookSubscriptionState.Active)
        {
            return ServiceResult.Fail<WebhookRedeliveryAccepted>(ServiceOutcome.Conflict, new FieldError(
                "$", "The subscription is suspended; resume it first.", ServiceErrorCodes.WebhookSubscriptionSuspended));
        }

        await _deliveries.RecordAsync(id, eventId, null, WebhookDeliveryState.Pending, cancellationToken);
        await _publisher.KickAsync(subscription.BusinessId, id, delivery.WorkflowId, cancellationToken);
        return ServiceResult.Accepted(new WebhookRedeliveryAccepted(eventId, WebhookDeliveryState.Pending));
    }

    private Task<WebhookSubscription?> FindAsync(Business business, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        return _subscriptions.GetAsync(business.BusinessId, id, cancellationToken);
    }

    private static ServiceResult<T> NotFound<T>() =>
        ServiceResult.Fail<T>(ServiceOutcome.NotFound, new FieldError("$", "No such webhook subscription.", ServiceErrorCodes.NotFound));
}
