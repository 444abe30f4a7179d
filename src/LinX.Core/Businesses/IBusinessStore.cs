namespace LinX.Core.Businesses;

/// <summary>Businesses (tenants), by id.</summary>
public interface IBusinessStore
{
    Task<Business?> GetAsync(Guid businessId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the business row (idempotent).</summary>
    Task UpsertAsync(Business business, CancellationToken cancellationToken);
}
