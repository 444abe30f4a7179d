using System.Text.Json.Serialization;
using LinX.Core.Common;
using LinX.Core.Security;

namespace LinX.Core.Businesses;

/// <summary>
/// A business API key as LinX keeps it: the SHA-256 hex of the key (never the key itself), a name, the key's first
/// characters (<see cref="Prefix"/>) to recognise it by, when it was made, when it stops working (a lifetime chosen at
/// creation, or the end of a rotation's overlap), when it was revoked and when it was last used (to within
/// <c>IApiKeyStore</c>'s write interval).
/// </summary>
public sealed record BusinessApiKey(Guid KeyId, Guid BusinessId, string Name, string Prefix, string KeyHash, DateTimeOffset CreatedAt)
{
    /// <summary>How many characters of a key its <see cref="Prefix"/> shows: <c>linx_</c> and 4 random ones.</summary>
    public const int PrefixLength = 9;

    /// <summary>A key counts as EXPIRING in the last week before it expires (a rotation's overlap is at most a week).</summary>
    public static readonly TimeSpan ExpiringWithin = TimeSpan.FromDays(7);

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>The record of a new key (its hash, its prefix).</summary>
    public static BusinessApiKey For(string key, Guid keyId, Guid businessId, string name, DateTimeOffset createdAt, DateTimeOffset? expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return new BusinessApiKey(keyId, businessId, name, key[..Math.Min(PrefixLength, key.Length)], Hashing.Sha256Hex(key), createdAt)
        {
            ExpiresAt = expiresAt,
        };
    }

    /// <summary>The id of a key registered by its value or hash rather than made by the admin API (the demo key): the same at every start.</summary>
    public static Guid DerivedId(Guid businessId, string keyHash) => DeterministicId.From(businessId, "api-key:" + keyHash);

    /// <summary>Whether the key authenticates at <paramref name="now"/> (ACTIVE or EXPIRING).</summary>
    public bool IsUsableAt(DateTimeOffset now) => StatusAt(now) is ApiKeyStatus.Active or ApiKeyStatus.Expiring;

    public ApiKeyStatus StatusAt(DateTimeOffset now) => this switch
    {
        { RevokedAt: not null } => ApiKeyStatus.Revoked,
        { ExpiresAt: { } end } when end <= now => ApiKeyStatus.Expired,
        { ExpiresAt: { } end } when end - now <= ExpiringWithin => ApiKeyStatus.Expiring,
        _ => ApiKeyStatus.Active,
    };
}

/// <summary>ACTIVE and EXPIRING keys authenticate; EXPIRED and REVOKED ones answer 401.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiKeyStatus>))]
public enum ApiKeyStatus
{
    [JsonStringEnumMemberName("ACTIVE")] Active,
    [JsonStringEnumMemberName("EXPIRING")] Expiring,
    [JsonStringEnumMemberName("EXPIRED")] Expired,
    [JsonStringEnumMemberName("REVOKED")] Revoked,
}
