namespace LinX.Core.Businesses;

/// <summary>A tenant of LinX: the business that sends workflows to its customers.</summary>
public sealed record Business(Guid BusinessId, string Name, DateTimeOffset CreatedAt);
