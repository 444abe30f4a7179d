using LinX.Core.Workflows;

namespace LinX.Core.Batches;

/// <summary>
/// One entry of a batch. What the business sent (title, parameters with the phone number, memo) is held only encrypted
/// (<see cref="EncryptedEntry"/>, AES-GCM bound to the batch and position), as are the field errors of a rejected entry
/// (their messages may quote a value); the phone number shows only masked.
/// </summary>
public sealed record BatchEntryRecord
{
    /// <summary>0-based position of the entry in <c>payload.batchEntries</c>.</summary>
    public required int Position { get; init; }

    public required BatchEntryStatus Status { get; init; }

    /// <summary>The entry's JSON as posted, encrypted for (batch, position).</summary>
    public required string EncryptedEntry { get; init; }

    /// <summary>The workflow started for the entry (STARTED only).</summary>
    public Guid? WorkflowId { get; init; }

    /// <summary>Its workflow's last known status (STARTED only): what the batch's counts add up.</summary>
    public WorkflowStatus? WorkflowStatus { get; init; }

    /// <summary>The orchestrator version of <see cref="WorkflowStatus"/>: an older status never overwrites a newer one.</summary>
    public long WorkflowVersion { get; init; }

    public string? MaskedPhoneNumber { get; init; }

    /// <summary>The problems of a REJECTED entry (JSON of <see cref="FieldError"/>s), encrypted for (batch, position).</summary>
    public string? EncryptedFieldErrors { get; init; }

    /// <summary>The AES-GCM context of an entry's encrypted columns: they open only for the same batch and position.</summary>
    public static string CryptoContext(Guid batchId, int position) => FormattableString.Invariant($"batch:{batchId:N}:{position}");
}
