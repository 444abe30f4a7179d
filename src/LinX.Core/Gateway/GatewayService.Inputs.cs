using LinX.Core.Consent;
using LinX.Core.Customers;
using LinX.Core.Documents;
using LinX.Core.Workflows;

namespace LinX.Core.Gateway;

/// <summary>The needs of the steps that ask the customer for inputs (enhance-profile, document-acceptance), and their evidence.</summary>
public sealed partial class GatewayService
{
    /// <summary>The current step with what the page shows for an enhance-profile or document-acceptance step.</summary>
    private async Task<GatewayCurrentStep> WithInputsAsync(WorkflowRecord workflow, GatewayCurrentStep current, CancellationToken cancellationToken) =>
        workflow.Plan.Steps[workflow.CurrentStep] switch
        {
            EnhanceProfileStep enhance => current with { Profile = await ProfileNeedsAsync(workflow, enhance, cancellationToken) },
            DocumentAcceptanceStep documents => current with { Documents = await DocumentsAsync(workflow.BusinessId, documents, cancellationToken) },
            _ => current,
        };

    /// <summary>
    /// The fields asked, prefilled for a customer the business looked up (an existing relationship) with the salutation and
    /// the asked addresses on file; a customer who just created their profile has nothing more on file.
    /// </summary>
    private async Task<GatewayProfileNeeds> ProfileNeedsAsync(WorkflowRecord workflow, EnhanceProfileStep step, CancellationToken cancellationToken)
    {
        var customer = workflow.Plan.Steps.OfType<LookupProfileStep>().Any() && workflow.CustomerId is { } id
            ? await _customers.GetAsync(workflow.BusinessId, id, cancellationToken)
            : null;
        var onFile = customer?.Addresses.Where(a => step.Addresses.Contains(a.Type)).Select(GatewayAddress.From).ToList() ?? [];
        return new GatewayProfileNeeds(
            step.PersonalInfo, step.Addresses, step.PhoneNumbers, ProfileEnhancement.Salutations,
            step.Asks(PersonalInfoField.Salutation) ? customer?.Salutation : null, onFile);
    }

    /// <summary>The versions the workflow pinned, each in full.</summary>
    private async Task<IReadOnlyList<GatewayDocument>> DocumentsAsync(Guid businessId, DocumentAcceptanceStep step, CancellationToken cancellationToken)
    {
        var documents = new List<GatewayDocument>();
        foreach (var reference in step.Documents)
        {
            var document = await _documents.GetAsync(businessId, reference.DocumentId, reference.Version, cancellationToken)
                ?? throw new InvalidOperationException("A pinned document version is not stored.");
            documents.Add(new GatewayDocument(
                document.DocumentId, document.DocumentGroup, document.Title, document.Version, document.Sha256, document.Locale, document.Text));
        }

        return documents;
    }

    /// <summary>
    /// The evidence of each document accepted, from the customer's own request: the document's id, group, version, SHA-256
    /// and full text, the time, the client's address and user agent (the first record of each stands).
    /// </summary>
    private async Task RecordDocumentsAsync(WorkflowRecord workflow, DocumentAcceptanceStep step, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        foreach (var document in await DocumentsAsync(workflow.BusinessId, step, cancellationToken))
        {
            await _consents.RecordAsync(
                new ConsentEvidence(
                    workflow.BusinessId, workflow.WorkflowId, StepNames.DocumentAcceptance, document.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    document.Sha256, now, origin.IpAddress, origin.UserAgent,
                    workflow.Plan.Notification.DeliveredByBusiness ? ConsentEvidence.Business : ConsentEvidence.LinXSms)
                {
                    Text = document.Text,
                    Kind = ConsentKind.Document,
                    Locale = document.Locale,
                    DocumentId = document.DocumentId,
                    DocumentGroup = document.DocumentGroup,
                },
                cancellationToken);
        }
    }
}
