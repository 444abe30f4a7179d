namespace LinX.Core.Workflows;

/// <summary>
/// One search of a business's workflows: every filter given must match (AND). <c>Terms</c>: keyed hashes of the full-text
/// terms (<see cref="WorkflowSearchTerms"/>), all of which must match; <c>WorkflowId</c>: the search was a workflow id.
/// Ordered by creation, newest first unless <c>Ascending</c>; <c>Page</c> is 1-based.
/// </summary>
public sealed record WorkflowSearch(
    IReadOnlyList<string> Terms, Guid? WorkflowId, WorkflowStatus? Status, Guid? TemplateId, bool Ascending, int Page, int Size)
{
    /// <summary>
    /// How far into a result a search reads: pages end at the 10,000th match, and <c>totalElements</c> counts up to it
    /// (<c>totalElementsExact</c> false beyond). What a page costs is then bounded, whatever the business's size (ADR 0023).
    /// </summary>
    public const int MaxResultWindow = 10_000;

    /// <summary>How many matches come before the page.</summary>
    public int Offset => (Page - 1) * Size;
}
