namespace LinX.Core.Documents;

/// <summary>The businesses' documents: every version kept, each immutable, and which one is current.</summary>
public interface IBusinessDocumentStore
{
    /// <summary>The document's current version, or <paramref name="version"/>; null when the business has no such document or version.</summary>
    Task<BusinessDocument?> GetAsync(Guid businessId, string documentId, int? version, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="document"/> as the current version: version 1 only when the id is new, version n+1 only when
    /// n is current. False when another version got there first (the caller reads again).
    /// </summary>
    Task<bool> AddVersionAsync(BusinessDocument document, CancellationToken cancellationToken);

    /// <summary>The current version of each of the business's documents, by id.</summary>
    Task<IReadOnlyList<BusinessDocument>> ListAsync(Guid businessId, CancellationToken cancellationToken);
}
