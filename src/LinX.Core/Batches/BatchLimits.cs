namespace LinX.Core.Batches;

/// <summary>The size limits of a batch (ADR 0022).</summary>
public static class BatchLimits
{
    /// <summary>The most entries of one batch (RocketKOR's <c>requestsInBatch</c> maximum).</summary>
    public const int MaxEntries = 10_000;

    /// <summary>The largest entry: a workflow request's own limit.</summary>
    public const int MaxEntryBytes = Workflows.WorkflowLimits.MaxBodyBytes;

    /// <summary>The largest body of <c>POST /api/linx/workflow-batches</c>: 10,000 entries of about 800 bytes.</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;
}
