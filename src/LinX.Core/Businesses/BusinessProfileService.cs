using LinX.Core.Admin;
using Microsoft.Extensions.Logging;

namespace LinX.Core.Businesses;

/// <summary>
/// A business's profile and logo: the one implementation behind the admin API's profile and the business API's
/// <c>/api/linx/business/profile</c>, and the logo LinX serves anonymously by its hash. A logo is stored before the
/// business points at it and the one it replaces is deleted after, so a crash in between leaves at worst an unused row,
/// never a business pointing at missing bytes; the old URL stops answering as soon as the business points elsewhere.
/// </summary>
public sealed class BusinessProfileService(IBusinessStore businesses, IBusinessLogoStore logos, ILogger<BusinessProfileService> logger)
{
    private static readonly FieldError NoSuchLogo = new("$", "No such logo.", ServiceErrorCodes.NotFound);

    /// <summary>Replaces the profile of <paramref name="businessId"/> with the body (a profile object); every problem at once.</summary>
    public async Task<ServiceResult<Business>> UpdateAsync(Guid businessId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (await businesses.GetAsync(businessId, cancellationToken) is null)
        {
            return BusinessAdminService.NotFound<Business>();
        }

        var (profile, errors) = BusinessRequest.ParseProfile(body);
        if (profile is null)
        {
            return ServiceResult.Fail<Business>(ServiceOutcome.Invalid, errors);
        }

        if (await businesses.UpdateProfileAsync(businessId, profile, cancellationToken) is not { } updated)
        {
            return BusinessAdminService.NotFound<Business>();
        }

        logger.BusinessProfileReplaced(businessId);
        return ServiceResult.Ok(updated);
    }

    /// <summary>
    /// Makes <paramref name="content"/> the business's logo. <paramref name="contentType"/> is one of
    /// <see cref="LogoImage.ContentTypes"/> and the content at most <see cref="LogoImage.MaxBytes"/> (the HTTP layer
    /// answers 415 and 413 for the others); the bytes must be that image, of at most <see cref="LogoImage.MaxPixels"/>.
    /// </summary>
    public async Task<ServiceResult<BusinessProfileView>> SetLogoAsync(
        Business business, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(content.Length, LogoImage.MaxBytes);
        var errors = LogoImage.Check(contentType, content.Span);
        if (errors.Count > 0)
        {
            return ServiceResult.Fail<BusinessProfileView>(ServiceOutcome.Invalid, errors);
        }

        var logo = BusinessLogo.Of(contentType, content.Span);
        await logos.PutAsync(business.BusinessId, logo, content, cancellationToken);
        return await ReplaceLogoAsync(business, logo, cancellationToken);
    }

    /// <summary>Removes the business's logo (Ok when it had none).</summary>
    public Task<ServiceResult<BusinessProfileView>> DeleteLogoAsync(Business business, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        return business.Logo is null
            ? Task.FromResult(ServiceResult.Ok(BusinessProfileView.From(business)))
            : ReplaceLogoAsync(business, null, cancellationToken);
    }

    /// <summary>The business's current logo when it has this hash; NotFound for an unknown business or hash, or a replaced logo.</summary>
    public async Task<ServiceResult<StoredLogo>> GetLogoAsync(Guid businessId, string sha256, CancellationToken cancellationToken)
    {
        var business = await businesses.GetAsync(businessId, cancellationToken);
        return business?.Logo?.Sha256 == sha256 && await logos.GetAsync(businessId, sha256, cancellationToken) is { } stored
            ? ServiceResult.Ok(stored)
            : ServiceResult.Fail<StoredLogo>(ServiceOutcome.NotFound, NoSuchLogo);
    }

    // The logo it replaces is the authenticated (cached) business's: when that is stale, the row is left unused, never the new one deleted.
    private async Task<ServiceResult<BusinessProfileView>> ReplaceLogoAsync(Business business, BusinessLogo? logo, CancellationToken cancellationToken)
    {
        var businessId = business.BusinessId;
        var before = business.Logo;
        if (await businesses.SetLogoAsync(businessId, logo, cancellationToken) is not { } updated)
        {
            return BusinessAdminService.NotFound<BusinessProfileView>();
        }

        if (before is not null && before.Sha256 != logo?.Sha256)
        {
            await logos.DeleteAsync(businessId, before.Sha256, cancellationToken);
        }

        logger.BusinessLogoChanged(businessId, logo is null ? "removed" : "replaced");
        return ServiceResult.Ok(BusinessProfileView.From(updated));
    }
}
