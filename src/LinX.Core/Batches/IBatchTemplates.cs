using LinX.Core.Businesses;
using LinX.Core.Workflows;

namespace LinX.Core.Batches;

/// <summary>
/// The templates as a batch uses them: resolved once when the batch is posted (its version is pinned), then composed with
/// each entry into a workflow request and validated by the same rules as any workflow from that template.
/// </summary>
public interface IBatchTemplates
{
    /// <summary>The business's ACTIVE template by id or name, its latest version; NotFound (422) otherwise.</summary>
    Task<ServiceResult<BatchTemplateRef>> ResolveAsync(Business business, Guid? templateId, string? templateName, CancellationToken cancellationToken);

    /// <summary>
    /// The pinned version's composer: an entry's JSON (<c>title</c>, <c>expiryInHours</c>, <c>customerMemo</c>,
    /// <c>parameters</c>) to a validated plan, or every problem with paths relative to the entry; null when the
    /// version no longer exists.
    /// </summary>
    Task<Func<string, WorkflowValidationResult>?> ComposerAsync(Business business, BatchTemplateRef template, CancellationToken cancellationToken);
}
