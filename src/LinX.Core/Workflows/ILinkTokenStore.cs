namespace LinX.Core.Workflows;

/// <summary>Where a link token hash points to.</summary>
public sealed record LinkTokenEntry(string TokenHash, Guid BusinessId, Guid WorkflowId);

/// <summary>The index from link token hash (SHA-256 hex) to workflow. Tokens themselves are never stored.</summary>
public interface ILinkTokenStore
{
    /// <summary>Creates or replaces the entry (idempotent).</summary>
    Task PutAsync(LinkTokenEntry entry, CancellationToken cancellationToken);

    Task<LinkTokenEntry?> FindAsync(string tokenHash, CancellationToken cancellationToken);
}
