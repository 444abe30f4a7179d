namespace LinX.Reliability.Tests;

/// <summary>One generated request of the bad-input corpus; <c>{token}</c> in the path is the target workflow's link token.</summary>
public sealed record BadRequest(string Name, string Path, byte[] Body, string? IdempotencyKey = null)
{
    public override string ToString() => Name;
}
