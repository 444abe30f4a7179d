using LinX.Core.Businesses;
using LinX.Core.Common;
using LinX.Core.Security;
using LinX.Core.Workflows;

namespace LinX.Core.Management;

/// <summary>What the business asks of <c>GET /api/linx/workflows</c>, already parsed (the API layer reports bad input).</summary>
/// <remarks><c>Search</c>: full text over the workflow id and the customer's first name, last name, e-mail and phone.</remarks>
public sealed record WorkflowSearchRequest(string? Search, WorkflowStatus? Status, Guid? TemplateId, bool Ascending, int Page, int Size);

/// <summary>
/// Searches a business's workflows through their index (ADR 0023): a search that is a workflow id is one point read;
/// any other full text becomes the keyed hashes of its terms (the customer search's), all of which must match.
/// </summary>
public sealed class WorkflowSearchService
{
    private readonly IWorkflowStore _workflows;
    private readonly LinXCrypto _crypto;

    public WorkflowSearchService(IWorkflowStore workflows, LinXCrypto crypto)
    {
        _workflows = workflows;
        _crypto = crypto;
    }

    /// <summary>One page of the business's workflows (without their consents) matching every filter given.</summary>
    public async Task<ServiceResult<SearchPage<WorkflowDetails>>> SearchAsync(
        Business business, WorkflowSearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Search?.Trim();
        Guid? workflowId = Guid.TryParse(text, out var id) ? id : null;
        IReadOnlyList<string> terms = string.IsNullOrEmpty(text) || workflowId is not null ? [] : WorkflowSearchTerms.OfSearch(_crypto, text, business.Country);
        if (!string.IsNullOrEmpty(text) && workflowId is null && terms.Count == 0)
        {
            return ServiceResult.Ok(SearchPage.Of<WorkflowDetails>([], request.Page, request.Size, 0, totalExact: true)); // nothing searchable in it
        }

        var search = new WorkflowSearch(terms, workflowId, request.Status, request.TemplateId, request.Ascending, request.Page, request.Size);
        var found = await _workflows.SearchAsync(business.BusinessId, search, cancellationToken);
        return ServiceResult.Ok(found.Select(WorkflowDetails.From));
    }
}
