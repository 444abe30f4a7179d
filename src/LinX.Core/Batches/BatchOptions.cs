using System.ComponentModel.DataAnnotations;

namespace LinX.Core.Batches;

/// <summary>Section <c>LinX:Batches</c>: how fast a batch starts its workflows (ADR 0022).</summary>
public sealed class BatchOptions
{
    public const string SectionName = "LinX:Batches";

    /// <summary>
    /// The most workflows one batch starts per second. The limit that keeps interactive traffic fast while a batch runs:
    /// each start is a create (two table writes, an orchestration, an SMS), and the hosts share the work with customers.
    /// </summary>
    [Range(1, 1000)]
    public int WorkflowsPerSecond { get; set; } = 20;

    /// <summary>Entries one activity processes; the orchestrator waits on a durable timer between chunks to keep the rate.</summary>
    [Range(1, 100)]
    public int ChunkSize { get; set; } = 20;

    /// <summary>Entries of a chunk started at the same time.</summary>
    [Range(1, 32)]
    public int StartConcurrency { get; set; } = 4;
}
