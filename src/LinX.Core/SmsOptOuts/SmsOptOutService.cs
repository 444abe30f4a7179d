using LinX.Core.Admin;
using LinX.Core.Businesses;
using Microsoft.Extensions.Logging;

namespace LinX.Core.SmsOptOuts;

/// <summary>
/// The business's opt-out list (<c>/api/linx/sms-opt-outs</c>): list, add (idempotent), remove by opaque id. Each business
/// sees and changes only its own list.
/// </summary>
public sealed class SmsOptOutService
{
    private const string PhonePath = "$.phoneNumber";
    private static readonly string[] Fields = ["phoneNumber"];

    private readonly ISmsOptOutStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<SmsOptOutService> _logger;

    public SmsOptOutService(ISmsOptOutStore store, TimeProvider time, ILogger<SmsOptOutService> logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
    }

    /// <summary>One page of the business's opt-outs.</summary>
    public async Task<ServiceResult<SmsOptOutListView>> ListAsync(Business business, int size, string? pageToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        var page = await _store.ListAsync(business.BusinessId, size, pageToken, cancellationToken);
        return ServiceResult.Ok(new SmsOptOutListView([.. page.Items.Select(SmsOptOutView.From)], page.NextPageToken));
    }

    /// <summary>Opts <c>{ "phoneNumber": "+1..." }</c> out of the business; the same number again answers the same opt-out.</summary>
    public async Task<ServiceResult<SmsOptOutAdded>> AddAsync(Business business, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        var (phone, errors) = AdminFields.Read(body, Fields, (root, fields) => PhoneField.Read(root, "phoneNumber", PhonePath, fields));
        if (phone is null)
        {
            return ServiceResult.Fail<SmsOptOutAdded>(ServiceOutcome.Invalid, errors);
        }

        var (optOut, created) = await _store.AddAsync(business.BusinessId, phone, SmsOptOutSource.Api, _time.GetUtcNow(), cancellationToken);
        if (created)
        {
            _logger.SmsOptOutAdded(business.BusinessId, optOut.Id, nameof(SmsOptOutSource.Api));
        }

        return ServiceResult.Ok(new SmsOptOutAdded(SmsOptOutView.From(optOut), created));
    }

    /// <summary>Removes the opt-out <paramref name="id"/>: the number may be texted again. Another business's id is NotFound.</summary>
    public async Task<ServiceResult<string>> RemoveAsync(Business business, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        if (!await _store.RemoveAsync(business.BusinessId, id, cancellationToken))
        {
            return ServiceResult.Fail<string>(ServiceOutcome.NotFound, new FieldError("$", "No such opt-out.", ServiceErrorCodes.NotFound));
        }

        _logger.SmsOptOutRemoved(business.BusinessId, id, nameof(SmsOptOutSource.Api));
        return ServiceResult.Ok(id);
    }
}
