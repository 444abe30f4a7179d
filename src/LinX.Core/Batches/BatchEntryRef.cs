namespace LinX.Core.Batches;

/// <summary>The batch entry a workflow is started for.</summary>
public sealed record BatchEntryRef(Guid BatchId, int Position);
