using System.Globalization;
using LinX.Core.Workflows;

namespace LinX.Core.Documents;

/// <summary>
/// The documents a workflow's document-acceptance step names, checked against the business's and pinned to their
/// current versions: the workflow shows and records those, whatever versions the business stores later.
/// </summary>
public sealed class DocumentPinning
{
    private readonly IBusinessDocumentStore _store;

    public DocumentPinning(IBusinessDocumentStore store)
    {
        _store = store;
    }

    /// <summary>
    /// The plan with each document pinned (version and SHA-256), and a 422 error for each the business does not have (or
    /// has under another documentGroup), at its path in the request.
    /// </summary>
    public async Task<(WorkflowPlan Plan, IReadOnlyList<FieldError> Errors)> PinAsync(Guid businessId, WorkflowPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var errors = new List<FieldError>();
        var steps = plan.Steps.ToArray();
        for (var i = 0; i < steps.Length; i++)
        {
            if (steps[i] is not DocumentAcceptanceStep step)
            {
                continue;
            }

            var pinned = new List<DocumentReference>();
            for (var j = 0; j < step.Documents.Count; j++)
            {
                var reference = step.Documents[j];
                var current = await _store.GetAsync(businessId, reference.DocumentId, null, cancellationToken);
                if (current is null || current.DocumentGroup != reference.DocumentGroup)
                {
                    errors.Add(new FieldError(
                        string.Create(CultureInfo.InvariantCulture, $"$.steps[{i}].inputs.user.documents[{j}].documentId"),
                        current is null ? "No document with this id belongs to the business." : "The business's document with this id is of another documentGroup.",
                        ServiceErrorCodes.DocumentNotFound));
                    continue;
                }

                pinned.Add(reference with { Version = current.Version, Sha256 = current.Sha256 });
            }

            steps[i] = new DocumentAcceptanceStep(pinned);
        }

        return (plan with { Steps = steps }, errors);
    }
}
