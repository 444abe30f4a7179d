namespace LinX.Core.Consent;

/// <summary>Consent evidence and the accept-or-cancel decision of each workflow.</summary>
public interface IConsentStore
{
    /// <summary>Records the evidence of a step; the first record of a step stands (a repeated submission keeps it).</summary>
    Task RecordAsync(ConsentEvidence evidence, CancellationToken cancellationToken);

    /// <summary>The workflow's evidence, in step order of acceptance; nothing for another business's workflow.</summary>
    Task<IReadOnlyList<ConsentEvidence>> ListAsync(Guid businessId, Guid workflowId, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="decision"/> unless one was recorded before; returns the decision that stands. Each payment
    /// attempt (ADR 0016) has its own decision: a retry after a decline and a cancel race for attempt <paramref name="attempt"/>'s.
    /// </summary>
    Task<WorkflowDecision> DecideAsync(Guid businessId, Guid workflowId, WorkflowDecision decision, CancellationToken cancellationToken, int attempt = 1);
}
