using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using LinX.Core.Businesses;
using LinX.Core.Common;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// Businesses: PK = business id, RK empty; the profile's fields, the logo's hash and content type (its bytes are in
/// <see cref="TableBusinessLogoStore"/>) and the fingerprint of the admin API's create as columns. Every authenticated call, Gateway view and SMS reads its business, which changes rarely: a found business
/// is kept in memory for <see cref="CacheFor"/> (another host's change shows within that; this host's at once), so
/// those reads cost no storage request. An unknown id is never cached.
/// </summary>
internal sealed class TableBusinessStore : IBusinessStore
{
    private const string RequestHashColumn = "RequestHash";
    private const string LogoSha256Column = "LogoSha256";
    private const string LogoContentTypeColumn = "LogoContentType";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly TableClient _table;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<Guid, (Business Business, DateTimeOffset Until)> _cache = new();

    public TableBusinessStore(TableStorage storage, TimeProvider time)
    {
        _table = storage.Businesses;
        _time = time;
    }

    public async Task<Business?> GetAsync(Guid businessId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(businessId, out var cached) && cached.Until > _time.GetUtcNow())
        {
            return cached.Business;
        }

        return await ReadAsync(businessId, cancellationToken) is { } row ? Cache(ToBusiness(row)) : null;
    }

    public async Task UpsertAsync(Business business, CancellationToken cancellationToken)
    {
        await _table.UpsertEntityAsync(ToEntity(business), TableUpdateMode.Replace, cancellationToken);
        Cache(business);
    }

    public async Task<BusinessCreateResult> CreateAsync(Business business, string requestHash, CancellationToken cancellationToken)
    {
        var row = ToEntity(business);
        row[RequestHashColumn] = requestHash;
        if (await TableKeys.TryAddAsync(_table, row, cancellationToken))
        {
            return new BusinessCreateResult(true, Cache(business), requestHash);
        }

        var existing = (await ReadAsync(business.BusinessId, cancellationToken))!;
        return new BusinessCreateResult(false, Cache(ToBusiness(existing)), existing.GetString(RequestHashColumn));
    }

    /// <summary>Reads every business (the admin API's list; businesses number in the thousands, not millions), then pages.</summary>
    public async Task<ResultPage<Business>> ListAsync(int page, int size, CancellationToken cancellationToken)
    {
        var all = new List<Business>();
        await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            all.Add(ToBusiness(row));
        }

        return ResultPage.Of(all.OrderByDescending(b => b.CreatedAt).ThenBy(b => b.BusinessId), all.Count, page, size);
    }

    public Task<Business?> UpdateProfileAsync(Guid businessId, BusinessProfile profile, CancellationToken cancellationToken) =>
        UpdateAsync(businessId, business => business with { Profile = profile }, cancellationToken);

    public Task<Business?> SetLogoAsync(Guid businessId, BusinessLogo? logo, CancellationToken cancellationToken) =>
        UpdateAsync(businessId, business => business with { Logo = logo }, cancellationToken);

    /// <summary>Replaces the row with the changed business (a merge would keep an optional field the change leaves out).</summary>
    private async Task<Business?> UpdateAsync(Guid businessId, Func<Business, Business> change, CancellationToken cancellationToken)
    {
        if (await ReadAsync(businessId, cancellationToken) is not { } row)
        {
            return null;
        }

        var business = change(ToBusiness(row));
        var updated = ToEntity(business);
        updated[RequestHashColumn] = row.GetString(RequestHashColumn);
        try
        {
            await _table.UpdateEntityAsync(updated, ETag.All, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (TableKeys.IsNotFound(e))
        {
            return null;
        }

        return Cache(business);
    }

    private async Task<TableEntity?> ReadAsync(Guid businessId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(businessId), string.Empty, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    private Business Cache(Business business)
    {
        _cache[business.BusinessId] = (business, _time.GetUtcNow() + CacheFor);
        return business;
    }

    private static TableEntity ToEntity(Business business)
    {
        var row = new TableEntity(TableKeys.Of(business.BusinessId), string.Empty)
        {
            ["Name"] = business.Name,
            ["CreatedAt"] = business.CreatedAt,
            ["Country"] = business.Country,
            ["AllowedSmsCountries"] = string.Join(',', business.AllowedSmsCountries),
        };
        if (business.Profile is { } profile)
        {
            WriteProfile(row, profile);
        }

        if (business.Logo is { } logo)
        {
            row[LogoSha256Column] = logo.Sha256;
            row[LogoContentTypeColumn] = logo.ContentType;
        }

        return row;
    }

    private static void WriteProfile(TableEntity row, BusinessProfile profile)
    {
        row[nameof(BusinessProfile.DisplayName)] = profile.DisplayName;
        row[nameof(BusinessProfile.SupportEmail)] = profile.SupportEmail;
        row[nameof(BusinessProfile.SupportPhone)] = profile.SupportPhone;
        row[nameof(BusinessProfile.WebsiteUrl)] = profile.WebsiteUrl;
        row[nameof(BusinessProfile.TermsUrl)] = profile.TermsUrl;
        row[nameof(BusinessProfile.PrivacyUrl)] = profile.PrivacyUrl;
        row[nameof(BusinessProfile.TimeZone)] = profile.TimeZone;
        row[nameof(BusinessProfile.DefaultLocale)] = profile.DefaultLocale;
        row[nameof(BusinessProfile.AccentColor)] = profile.AccentColor;
    }

    private static Business ToBusiness(TableEntity e) =>
        new(Guid.Parse(e.PartitionKey), e.GetString("Name") ?? string.Empty, e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue)
        {
            Country = e.GetString("Country") ?? Business.DefaultCountry,
            AllowedSmsCountries = (e.GetString("AllowedSmsCountries") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
            // Rows written before profiles existed (the demo business) have none.
            Profile = e.GetString(nameof(BusinessProfile.DisplayName)) is { } displayName
                ? new BusinessProfile(
                    displayName,
                    e.GetString(nameof(BusinessProfile.SupportEmail)) ?? string.Empty,
                    e.GetString(nameof(BusinessProfile.SupportPhone)),
                    e.GetString(nameof(BusinessProfile.WebsiteUrl)),
                    e.GetString(nameof(BusinessProfile.TermsUrl)),
                    e.GetString(nameof(BusinessProfile.PrivacyUrl)),
                    e.GetString(nameof(BusinessProfile.TimeZone)) ?? BusinessProfile.DefaultTimeZone,
                    e.GetString(nameof(BusinessProfile.DefaultLocale)) ?? BusinessProfile.Locales[0],
                    e.GetString(nameof(BusinessProfile.AccentColor)))
                : null,
            Logo = e.GetString(LogoSha256Column) is { } sha256 ? new BusinessLogo(sha256, e.GetString(LogoContentTypeColumn) ?? string.Empty) : null,
        };
}
