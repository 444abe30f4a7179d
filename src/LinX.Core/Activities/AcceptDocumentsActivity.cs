using LinX.Core.Consent;
using LinX.Core.Orchestration;
using LinX.Core.Security;
using LinX.Core.Workflows;
using Microsoft.Extensions.Logging;

namespace LinX.Core.Activities;

/// <summary>
/// Completes the document-acceptance step: checks that the evidence of every document of the step (its version and
/// SHA-256, time, address and user agent) was recorded by the Gateway from the customer's own request, then writes the
/// workflow row with the step's data (the documents and versions accepted). Only reads the evidence: a re-run is harmless.
/// </summary>
public sealed class AcceptDocumentsActivity : IActivity<AcceptDocumentsInput, StepActivityOutput>
{
    private readonly IConsentStore _consents;
    private readonly UpdateWorkflowStatusActivity _status;
    private readonly LinXCrypto _crypto;
    private readonly ILogger<AcceptDocumentsActivity> _logger;

    public AcceptDocumentsActivity(IConsentStore consents, UpdateWorkflowStatusActivity status, LinXCrypto crypto, ILogger<AcceptDocumentsActivity> logger)
    {
        _consents = consents;
        _status = status;
        _crypto = crypto;
        _logger = logger;
    }

    public async Task<StepActivityOutput> RunAsync(AcceptDocumentsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var evidence = (await _consents.ListAsync(input.BusinessId, input.WorkflowId, cancellationToken))
            .Where(e => e.Kind == ConsentKind.Document && e.StepName == StepNames.DocumentAcceptance)
            .ToList();
        var accepted = input.Step.Documents
            .Select(d => evidence.Find(e => e.DocumentId == d.DocumentId && e.TextSha256 == d.Sha256))
            .ToList();
        if (accepted.Exists(e => e is null))
        {
            throw new InvalidOperationException("A document of the step has no acceptance evidence.");
        }

        _logger.DocumentsAccepted(input.WorkflowId, accepted.Count);
        var data = StepData.Documents(input.Step, accepted[^1]!.AcceptedAt);
        await _status.WriteAfterStepAsync(input.Then, then => then.With(data), cancellationToken);
        return new StepActivityOutput(input.WorkflowId, true, StepData.Seal(_crypto, input.WorkflowId, data));
    }
}
