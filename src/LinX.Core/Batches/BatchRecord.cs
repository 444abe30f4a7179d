namespace LinX.Core.Batches;

/// <summary>
/// The stored batch: its header, never its entries' data (<see cref="BatchEntryRecord"/>, encrypted). Its id is derived
/// from the business and the idempotency key, so a retried create writes the same rows again.
/// </summary>
public sealed record BatchRecord
{
    public required Guid BatchId { get; init; }

    public required Guid BusinessId { get; init; }

    public required BatchStatus Status { get; init; }

    public required BatchTemplateRef Template { get; init; }

    /// <summary>How many entries the batch has (its <c>requestsInBatch</c>).</summary>
    public required int EntryCount { get; init; }

    /// <summary>SHA-256 hex of the idempotency key.</summary>
    public required string IdempotencyKeyHash { get; init; }

    /// <summary>Canonical fingerprint of the request body (<see cref="Management.IdempotencyFingerprint"/>).</summary>
    public required string RequestHash { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>The template version a batch's entries are composed with (pinned when the batch is created).</summary>
public sealed record BatchTemplateRef(Guid TemplateId, Guid TemplateVersionId, int TemplateVersion, string TemplateDisplayName);
