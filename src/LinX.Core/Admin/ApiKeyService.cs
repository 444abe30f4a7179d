using LinX.Core.Businesses;
using LinX.Core.Security;
using Microsoft.Extensions.Logging;

namespace LinX.Core.Admin;

/// <summary>
/// A business's API keys: created (the key shown once), listed (never a key or hash), revoked (401 from the next
/// request on) and rotated (a new key at once, the old one working until the overlap ends). Another business's key is
/// <see cref="ServiceOutcome.NotFound"/>.
/// </summary>
public sealed class ApiKeyService
{
    /// <summary>The most keys of a business that still work (ACTIVE or EXPIRING); a rotation may go one over for its overlap.</summary>
    public const int MaxUsableKeys = 20;

    /// <summary>The longest lifetime a key may be given (<c>expiresInDays</c>).</summary>
    public const int MaxExpiresInDays = 730;

    /// <summary>The longest a rotated key may go on working (<c>overlapHours</c>), and the overlap when none is given.</summary>
    public const int MaxOverlapHours = 168;
    public const int DefaultOverlapHours = 24;

    private readonly IApiKeyStore _keys;
    private readonly IBusinessStore _businesses;
    private readonly TimeProvider _time;
    private readonly ILogger<ApiKeyService> _logger;

    public ApiKeyService(IApiKeyStore keys, IBusinessStore businesses, TimeProvider time, ILogger<ApiKeyService> logger)
    {
        _keys = keys;
        _businesses = businesses;
        _time = time;
        _logger = logger;
    }

    public async Task<ServiceResult<CreatedApiKey>> CreateAsync(AdminCaller caller, Guid businessId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await _businesses.GetAsync(businessId, cancellationToken) is null)
        {
            return BusinessAdminService.NotFound<CreatedApiKey>();
        }

        var (request, errors) = ApiKeyRequest.ParseCreate(body);
        if (request is null)
        {
            return ServiceResult.Fail<CreatedApiKey>(ServiceOutcome.Invalid, errors);
        }

        var now = _time.GetUtcNow();
        if ((await _keys.ListAsync(businessId, cancellationToken)).Count(k => k.IsUsableAt(now)) >= MaxUsableKeys)
        {
            return ServiceResult.Fail<CreatedApiKey>(ServiceOutcome.Conflict, new FieldError(
                "$", $"A business has at most {MaxUsableKeys} API keys that work; revoke one first.", ServiceErrorCodes.ApiKeyLimitReached));
        }

        var created = await NewKeyAsync(businessId, request.Name!, request.ExpiresInDays, now, cancellationToken);
        _logger.ApiKeyChanged(caller.KeyNumber, created.KeyId, businessId, "created");
        return ServiceResult.Ok(created);
    }

    public async Task<ServiceResult<IReadOnlyList<ApiKeyView>>> ListAsync(Guid businessId, CancellationToken cancellationToken)
    {
        if (await _businesses.GetAsync(businessId, cancellationToken) is null)
        {
            return BusinessAdminService.NotFound<IReadOnlyList<ApiKeyView>>();
        }

        var now = _time.GetUtcNow();
        return ServiceResult.Ok<IReadOnlyList<ApiKeyView>>([.. (await _keys.ListAsync(businessId, cancellationToken)).Select(k => ApiKeyView.From(k, now))]);
    }

    /// <summary>Revokes the key: it answers 401 from the next request on. Revoking a revoked key changes nothing.</summary>
    public async Task<ServiceResult<ApiKeyView>> RevokeAsync(AdminCaller caller, Guid businessId, Guid keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await _keys.GetAsync(businessId, keyId, cancellationToken) is not { } key)
        {
            return NotFound<ApiKeyView>();
        }

        var now = _time.GetUtcNow();
        if (key.RevokedAt is null)
        {
            key = key with { RevokedAt = now };
            await _keys.UpdateLifetimeAsync(key, cancellationToken);
            _logger.ApiKeyChanged(caller.KeyNumber, keyId, businessId, "revoked");
        }

        return ServiceResult.Ok(ApiKeyView.From(key, now));
    }

    /// <summary>
    /// A new key with the old one's name, returned once; the old key goes on working for the overlap (and no longer
    /// than it would have anyway), then answers 401. The new key is stored first: a crash in between leaves both working.
    /// </summary>
    public async Task<ServiceResult<RotatedApiKey>> RotateAsync(
        AdminCaller caller, Guid businessId, Guid keyId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await _keys.GetAsync(businessId, keyId, cancellationToken) is not { } old)
        {
            return NotFound<RotatedApiKey>();
        }

        var (request, errors) = ApiKeyRequest.ParseRotate(body);
        if (request is null)
        {
            return ServiceResult.Fail<RotatedApiKey>(ServiceOutcome.Invalid, errors);
        }

        var now = _time.GetUtcNow();
        if (!old.IsUsableAt(now))
        {
            return ServiceResult.Fail<RotatedApiKey>(ServiceOutcome.Conflict, new FieldError(
                "$", "This API key is revoked or expired: create a new one instead.", ServiceErrorCodes.ApiKeyNotActive));
        }

        var created = await NewKeyAsync(businessId, old.Name, request.ExpiresInDays, now, cancellationToken);
        var end = now + TimeSpan.FromHours(request.OverlapHours);
        old = old with { ExpiresAt = old.ExpiresAt is { } expires && expires < end ? expires : end };
        await _keys.UpdateLifetimeAsync(old, cancellationToken);
        _logger.ApiKeyChanged(caller.KeyNumber, keyId, businessId, "rotated to " + created.KeyId.ToString("D"));
        return ServiceResult.Ok(new RotatedApiKey(created, ApiKeyView.From(old, now)));
    }

    /// <summary>
    /// Makes <paramref name="key"/> the business's only working key (the demo business's at each start of LinX.Local):
    /// registers it (under an id derived from its hash, so a configured key keeps its id), then revokes every other
    /// key, those written before keys were listed too. Registered first: a crash in between leaves one key too many
    /// until the next run, never none.
    /// </summary>
    public async Task RegisterOnlyKeyAsync(Guid businessId, string key, string name, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var registered = BusinessApiKey.For(key, BusinessApiKey.DerivedId(businessId, Hashing.Sha256Hex(key)), businessId, name, now, null);
        await _keys.CreateAsync(registered, cancellationToken);
        var revoked = 0;
        foreach (var other in (await _keys.ListAsync(businessId, cancellationToken)).Where(k => k.KeyId != registered.KeyId && k.RevokedAt is null))
        {
            await _keys.UpdateLifetimeAsync(other with { RevokedAt = now }, cancellationToken);
            revoked++;
        }

        revoked += await _keys.RevokeUnlistedAsync(businessId, now, cancellationToken);
        _logger.DemoKeyRegistered(businessId, registered.KeyId, revoked);
    }

    private async Task<CreatedApiKey> NewKeyAsync(Guid businessId, string name, int? expiresInDays, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = ApiKeyAuthenticator.NewApiKey();
        var stored = BusinessApiKey.For(key, Guid.NewGuid(), businessId, name, now, expiresInDays is { } days ? now.AddDays(days) : null);
        await _keys.CreateAsync(stored, cancellationToken);
        return CreatedApiKey.From(key, stored);
    }

    private static ServiceResult<T> NotFound<T>() =>
        ServiceResult.Fail<T>(ServiceOutcome.NotFound, new FieldError("$", "No such API key.", ServiceErrorCodes.NotFound));
}
