using LinX.Core.Businesses;

namespace LinX.Core.Admin;

/// <summary>An API key as the admin API lists it: never the key, nor its hash.</summary>
public sealed record ApiKeyView(
    Guid KeyId, string Prefix, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt, ApiKeyStatus Status)
{
    public static ApiKeyView From(BusinessApiKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.KeyId, key.Prefix, key.Name, key.CreatedAt, key.LastUsedAt, key.ExpiresAt, key.RevokedAt, key.StatusAt(now));
    }
}

/// <summary>A new API key: the key itself, shown this once (LinX keeps only its hash), and what the listing shows of it.</summary>
public sealed record CreatedApiKey(string Key, Guid KeyId, string Prefix, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt)
{
    public static CreatedApiKey From(string key, BusinessApiKey stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(key, stored.KeyId, stored.Prefix, stored.Name, stored.CreatedAt, stored.ExpiresAt);
    }
}

/// <summary>A rotation: the new key (shown once) and the old one, which works until its <c>expiresAt</c>.</summary>
public sealed record RotatedApiKey(CreatedApiKey NewKey, ApiKeyView PreviousKey);
