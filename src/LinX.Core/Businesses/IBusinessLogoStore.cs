namespace LinX.Core.Businesses;

/// <summary>The bytes of businesses' logos, by business and SHA-256 (each at most <see cref="LogoImage.MaxBytes"/>).</summary>
public interface IBusinessLogoStore
{
    /// <summary>Stores the logo (idempotent: the same hash is the same bytes).</summary>
    Task PutAsync(Guid businessId, BusinessLogo logo, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The logo with this hash, or null.</summary>
    Task<StoredLogo?> GetAsync(Guid businessId, string sha256, CancellationToken cancellationToken);

    /// <summary>Deletes the logo with this hash (nothing when there is none).</summary>
    Task DeleteAsync(Guid businessId, string sha256, CancellationToken cancellationToken);
}
