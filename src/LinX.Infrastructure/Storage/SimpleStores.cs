using System.Collections.Concurrent;
using Azure.Data.Tables;
using LinX.Core.Businesses;
using LinX.Core.Workflows;

namespace LinX.Infrastructure.Storage;

/// <summary>Link tokens: PK = SHA-256 hex of the token, RK empty. The token itself is never stored.</summary>
internal sealed class TableLinkTokenStore : ILinkTokenStore
{
    private readonly TableClient _table;

    public TableLinkTokenStore(TableStorage storage)
    {
        _table = storage.LinkTokens;
    }

    public Task PutAsync(LinkTokenEntry entry, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(
            new TableEntity(entry.TokenHash, string.Empty) { ["BusinessId"] = entry.BusinessId, ["WorkflowId"] = entry.WorkflowId },
            TableUpdateMode.Replace,
            cancellationToken);

    public async Task<LinkTokenEntry?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(tokenHash, string.Empty, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e && e.GetGuid("BusinessId") is { } businessId && e.GetGuid("WorkflowId") is { } workflowId
            ? new LinkTokenEntry(tokenHash, businessId, workflowId)
            : null;
    }
}

/// <summary>
/// Businesses: PK = business id, RK empty. Every authenticated call, Gateway view and SMS reads its business, which
/// changes rarely: a found business is kept in memory for <see cref="CacheFor"/> (another host's change shows within
/// that), so those reads cost no storage request. An unknown id is never cached.
/// </summary>
internal sealed class TableBusinessStore : IBusinessStore
{
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

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(businessId), string.Empty, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } e)
        {
            return null;
        }

        var business = new Business(businessId, e.GetString("Name") ?? string.Empty, e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue)
        {
            Country = e.GetString("Country") ?? Business.DefaultCountry,
            AllowedSmsCountries = (e.GetString("AllowedSmsCountries") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
        };
        _cache[businessId] = (business, _time.GetUtcNow() + CacheFor);
        return business;
    }

    public async Task UpsertAsync(Business business, CancellationToken cancellationToken)
    {
        await _table.UpsertEntityAsync(
            new TableEntity(TableKeys.Of(business.BusinessId), string.Empty)
            {
                ["Name"] = business.Name,
                ["CreatedAt"] = business.CreatedAt,
                ["Country"] = business.Country,
                ["AllowedSmsCountries"] = string.Join(',', business.AllowedSmsCountries),
            },
            TableUpdateMode.Replace,
            cancellationToken);
        _cache[business.BusinessId] = (business, _time.GetUtcNow() + CacheFor);
    }
}

/// <summary>API keys: PK = SHA-256 hex of the key, RK empty, business id as a column. The key itself is never stored.</summary>
internal sealed class TableApiKeyStore : IApiKeyStore
{
    private readonly TableClient _table;

    public TableApiKeyStore(TableStorage storage)
    {
        _table = storage.ApiKeys;
    }

    public async Task<Guid?> FindBusinessIdAsync(string keyHash, CancellationToken cancellationToken)
    {
        if (keyHash.Length != 64 || !keyHash.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(keyHash, string.Empty, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value?.GetGuid("BusinessId") : null;
    }

    public Task AddAsync(string keyHash, Guid businessId, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(keyHash, string.Empty) { ["BusinessId"] = businessId }, TableUpdateMode.Replace, cancellationToken);
}
