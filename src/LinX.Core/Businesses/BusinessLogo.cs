using System.Security.Cryptography;

namespace LinX.Core.Businesses;

/// <summary>
/// The logo a business has now: the SHA-256 of its bytes (lower-case hex) and their content type. The bytes live in
/// <see cref="IBusinessLogoStore"/>; LinX serves them at <see cref="UrlOf"/>, which names the hash, so a replaced logo's
/// old URL stops answering and a browser may cache each URL for good.
/// </summary>
public sealed record BusinessLogo(string Sha256, string ContentType)
{
    /// <summary>The logo of <paramref name="bytes"/>, identified by their hash.</summary>
    public static BusinessLogo Of(string contentType, ReadOnlySpan<byte> bytes) =>
        new(Convert.ToHexStringLower(SHA256.HashData(bytes)), contentType);

    /// <summary>Where LinX serves the logo of <paramref name="businessId"/>, relative to its public base URL.</summary>
    public string UrlOf(Guid businessId) => $"/linx/brand/{businessId}/logo/{Sha256}";
}

/// <summary>A stored logo: its bytes and their content type.</summary>
public sealed record StoredLogo(string ContentType, ReadOnlyMemory<byte> Content);
