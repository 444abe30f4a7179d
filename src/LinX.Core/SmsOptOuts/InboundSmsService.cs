using Microsoft.Extensions.Logging;

namespace LinX.Core.SmsOptOuts;

/// <summary>
/// Handles ACS's inbound SMS, delivered by Event Grid: answers the subscription's validation handshake, and turns a STOP
/// reply into an opt-out of the business that last texted the number (START: back in). Each message is applied once
/// (by its <c>messageId</c>: Event Grid delivers at least once). A malformed delivery is Invalid with every problem and
/// changes nothing; events of other types are ignored.
/// </summary>
public sealed class InboundSmsService
{
    private readonly ISmsOptOutStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<InboundSmsService> _logger;

    public InboundSmsService(ISmsOptOutStore store, TimeProvider time, ILogger<InboundSmsService> logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
    }

    /// <summary>Applies the delivery; the answer carries the validation code when it was a handshake.</summary>
    public async Task<ServiceResult<InboundSmsHandled>> HandleAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (InboundSmsEvents.Read(body, errors) is not { } events)
        {
            return ServiceResult.Fail<InboundSmsHandled>(ServiceOutcome.Invalid, errors);
        }

        string? validationCode = null;
        var applied = 0;
        foreach (var e in events)
        {
            if (e.Kind == InboundEventKind.Validation)
            {
                validationCode = e.ValidationCode;
            }
            else if (e.Kind == InboundEventKind.SmsReceived && await ApplyAsync(e.MessageId!, e.From!, e.Message!, cancellationToken))
            {
                applied++;
            }
        }

        return ServiceResult.Ok(new InboundSmsHandled(validationCode, events.Count, applied));
    }

    /// <summary>Applies one received SMS once; true when it changed an opt-out.</summary>
    private async Task<bool> ApplyAsync(string messageId, string from, string message, CancellationToken cancellationToken)
    {
        if (await _store.WasHandledAsync(messageId, cancellationToken))
        {
            _logger.InboundSmsHandled(messageId, "already handled");
            return false;
        }

        var outcome = "not a keyword";
        var changed = false;
        if (SmsKeywords.Meaning(message) is { } optOut)
        {
            if (await _store.LastTextedByAsync(from, cancellationToken) is not { } businessId)
            {
                outcome = "no business texted this number";
            }
            else if (optOut)
            {
                var (added, created) = await _store.AddAsync(businessId, from, SmsOptOutSource.Sms, _time.GetUtcNow(), cancellationToken);
                if (created)
                {
                    _logger.SmsOptOutAdded(businessId, added.Id, nameof(SmsOptOutSource.Sms));
                }

                (outcome, changed) = (created ? "opted out" : "opted out already", created);
            }
            else
            {
                changed = await _store.RemoveNumberAsync(businessId, from, cancellationToken);
                outcome = changed ? "opted back in" : "not opted out";
            }
        }

        // Marked after it is applied: a crash in between applies it again on redelivery, which adding and removing allow.
        await _store.MarkHandledAsync(messageId, _time.GetUtcNow(), cancellationToken);
        _logger.InboundSmsHandled(messageId, outcome);
        return changed;
    }
}

/// <summary>What a delivery did: the handshake's code to answer (null when none), events read and opt-outs changed.</summary>
public sealed record InboundSmsHandled(string? ValidationCode, int Events, int OptOutsChanged);
