namespace LinX.Core.Businesses;

/// <summary>
/// What authentication reads for a key hash, in one point read: the business, the key's id (null on a row written
/// before keys were listed, which has only the business), and when it stops working.
/// </summary>
public sealed record ApiKeyLookup(Guid BusinessId, Guid? KeyId, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);
}
