using LinX.Core.Businesses;
using LinX.Core.Common;
using LinX.Core.Management;
using Microsoft.Extensions.Logging;

namespace LinX.Core.Admin;

/// <summary>
/// Onboarding: the admin API's businesses. A create with an Idempotency-Key makes the business's id from the key, so
/// that the insert itself (first one wins) decides: the same key and body return the same business, the same key with
/// another body is a Conflict. Nothing is stored for a rejected request.
/// </summary>
public sealed class BusinessAdminService
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 10_000;

    // The namespace of business ids made from an Idempotency-Key.
    private static readonly Guid IdempotencyScope = Guid.Parse("0f4b7c38-6d0a-4f53-9a51-2c3e8d1b7a64");

    private readonly IBusinessStore _businesses;
    private readonly BusinessProfileService _profiles;
    private readonly TimeProvider _time;
    private readonly ILogger<BusinessAdminService> _logger;

    public BusinessAdminService(IBusinessStore businesses, BusinessProfileService profiles, TimeProvider time, ILogger<BusinessAdminService> logger)
    {
        _businesses = businesses;
        _profiles = profiles;
        _time = time;
        _logger = logger;
    }

    public async Task<ServiceResult<BusinessView>> CreateAsync(
        AdminCaller caller, ReadOnlyMemory<byte> body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (request, errors) = BusinessRequest.Parse(body);
        if (request is null)
        {
            return ServiceResult.Fail<BusinessView>(ServiceOutcome.Invalid, errors);
        }

        var requestHash = IdempotencyFingerprint.Of(body.Span);
        var id = idempotencyKey is null ? Guid.NewGuid() : DeterministicId.From(IdempotencyScope, idempotencyKey);
        var business = new Business(id, request.Name, _time.GetUtcNow())
        {
            Country = request.Country,
            AllowedSmsCountries = request.AllowedSmsCountries,
            Profile = request.Profile,
        };
        var stored = await _businesses.CreateAsync(business, requestHash, cancellationToken);
        if (!stored.Created && stored.RequestHash != requestHash)
        {
            return ServiceResult.Fail<BusinessView>(ServiceOutcome.Conflict, new FieldError(
                WorkflowService.IdempotencyKeyPath, "This Idempotency-Key was used with another request body.", ServiceErrorCodes.IdempotencyKeyReused));
        }

        if (stored.Created)
        {
            _logger.BusinessChanged(caller.KeyNumber, id, "created");
        }

        return ServiceResult.Ok(BusinessView.From(stored.Business));
    }

    public async Task<ServiceResult<BusinessView>> GetAsync(Guid businessId, CancellationToken cancellationToken) =>
        await _businesses.GetAsync(businessId, cancellationToken) is { } business ? ServiceResult.Ok(BusinessView.From(business)) : NotFound<BusinessView>();

    /// <summary>Newest first; <paramref name="page"/> 1-based, <paramref name="size"/> 1 to <see cref="MaxPageSize"/> (the caller checked both).</summary>
    public async Task<ServiceResult<ResultPage<BusinessView>>> ListAsync(int page, int size, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxPageSize);
        var found = await _businesses.ListAsync(page, size, cancellationToken);
        return ServiceResult.Ok(new ResultPage<BusinessView>([.. found.Items.Select(BusinessView.From)], found.PageNumber, found.Size, found.TotalCount));
    }

    /// <summary>Replaces the business's profile (the body is the profile object), as the business API does.</summary>
    public async Task<ServiceResult<BusinessView>> UpdateProfileAsync(AdminCaller caller, Guid businessId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var result = await _profiles.UpdateAsync(businessId, body, cancellationToken);
        if (result.Value is not { } updated)
        {
            return ServiceResult.Fail<BusinessView>(result.Outcome, result.Errors);
        }

        _logger.BusinessChanged(caller.KeyNumber, businessId, "profile updated");
        return ServiceResult.Ok(BusinessView.From(updated));
    }

    internal static ServiceResult<T> NotFound<T>() =>
        ServiceResult.Fail<T>(ServiceOutcome.NotFound, new FieldError("$", "No such business.", ServiceErrorCodes.NotFound));
}
