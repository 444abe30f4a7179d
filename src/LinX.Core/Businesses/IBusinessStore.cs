using LinX.Core.Common;

namespace LinX.Core.Businesses;

/// <summary>What happened to a create: stored, or a business with that id was there already (with its create's fingerprint).</summary>
public sealed record BusinessCreateResult(bool Created, Business Business, string? RequestHash);

/// <summary>Businesses (tenants), by id.</summary>
public interface IBusinessStore
{
    Task<Business?> GetAsync(Guid businessId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the business row (idempotent).</summary>
    Task UpsertAsync(Business business, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts a new business with the fingerprint of the request that made it (insert-only: the first one wins), or
    /// returns the business already stored under that id and its fingerprint.
    /// </summary>
    Task<BusinessCreateResult> CreateAsync(Business business, string requestHash, CancellationToken cancellationToken);

    /// <summary>Newest first; <paramref name="page"/> is 1-based.</summary>
    Task<ResultPage<Business>> ListAsync(int page, int size, CancellationToken cancellationToken);

    /// <summary>Replaces the business's profile; the business as it is now, or null when there is no such business.</summary>
    Task<Business?> UpdateProfileAsync(Guid businessId, BusinessProfile profile, CancellationToken cancellationToken);

    /// <summary>Sets (null: removes) the business's logo; the business as it is now, or null when there is no such business.</summary>
    Task<Business?> SetLogoAsync(Guid businessId, BusinessLogo? logo, CancellationToken cancellationToken);
}
