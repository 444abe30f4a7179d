namespace LinX.Core.Documents;

/// <summary>A version of a document as its business reads it.</summary>
/// <remarks><c>Text</c>: the full text; null in a list (read one document for it). <c>IsCurrentVersion</c>: whether new workflows pin this version.</remarks>
public sealed record BusinessDocumentView(
    string DocumentId, DocumentGroup DocumentGroup, string Title, string Locale, int Version, string Sha256, bool IsCurrentVersion,
    DateTimeOffset CreatedAt, string? Text)
{
    public static BusinessDocumentView From(BusinessDocument document, bool current, bool withText = true)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new(
            document.DocumentId, document.DocumentGroup, document.Title, document.Locale, document.Version, document.Sha256, current,
            document.CreatedAt, withText ? document.Text : null);
    }
}

/// <summary>The business's documents, each at its current version (without the text).</summary>
public sealed record BusinessDocumentListView(IReadOnlyList<BusinessDocumentView> Items);

/// <summary>The body of <c>POST /api/linx/documents</c>.</summary>
/// <param name="DocumentId">Your id for it: 1 to 64 lower-case letters, digits and hyphens (<c>privacy-policy</c>); fixed across versions.</param>
/// <param name="DocumentGroup">What kind of document it is.</param>
/// <param name="Title">Shown above the text, up to 100 characters.</param>
/// <param name="Text">The full plain text (line breaks kept), up to 30,000 characters; never rendered as markup.</param>
/// <param name="Locale">The language it is written in: <c>en</c> (the default) or <c>fr-CA</c>.</param>
public sealed record BusinessDocumentRequest(string DocumentId, DocumentGroup DocumentGroup, string Title, string Text, string? Locale);

/// <summary>The body of <c>PUT /api/linx/documents/{documentId}</c>: the next version (its group and id stay).</summary>
/// <param name="Title">Shown above the text, up to 100 characters.</param>
/// <param name="Text">The full plain text, up to 30,000 characters.</param>
/// <param name="Locale"><c>en</c> or <c>fr-CA</c>; the current version's when absent.</param>
public sealed record BusinessDocumentVersionRequest(string Title, string Text, string? Locale);

/// <summary>The answer to a create or update: the version stored, and whether this request stored it (false: the same text was current already).</summary>
public sealed record BusinessDocumentStored(BusinessDocumentView Document, bool Created);
