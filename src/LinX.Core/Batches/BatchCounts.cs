using LinX.Core.Workflows;

namespace LinX.Core.Batches;

/// <summary>
/// What a batch's entries add up to: entries rejected, started and cancelled before they started, and the started
/// workflows by their current status. Kept as counters next to the entries, changed in the same transaction as the
/// entry, so reading them costs a few rows whatever the batch's size (ADR 0022).
/// </summary>
public sealed record BatchCounts(int Rejected, int Started, int CancelledBeforeStart, IReadOnlyDictionary<WorkflowStatus, int> Workflows)
{
    public static BatchCounts None { get; } = new(0, 0, 0, new Dictionary<WorkflowStatus, int>());

    /// <summary>Started workflows with <paramref name="status"/>.</summary>
    public int Of(WorkflowStatus status) => Workflows.TryGetValue(status, out var n) ? n : 0;
}
