using LinX.Core.Security;

namespace LinX.Core.Documents;

/// <summary>
/// One version of a document a business asks its customers to accept (an e-communication consent, a privacy policy):
/// immutable once stored. A change is a new version; the workflows created before keep the version they pinned.
/// </summary>
/// <remarks>
/// <c>DocumentId</c>: the business's own id for it (<c>privacy-policy</c>), the same across versions. <c>Text</c>: the full
/// plain text, line breaks as <c>\n</c>; shown as text, never as markup. <c>Sha256</c>: the SHA-256 of the text (UTF-8,
/// lower-case hex), which acceptance evidence names.
/// </remarks>
public sealed record BusinessDocument(
    Guid BusinessId,
    string DocumentId,
    DocumentGroup DocumentGroup,
    string Title,
    string Locale,
    int Version,
    string Text,
    string Sha256,
    DateTimeOffset CreatedAt)
{
    public const int MaxTitleLength = 100;

    /// <summary>The most characters of a document's text (a table column holds 32K UTF-16 characters).</summary>
    public const int MaxTextLength = 30_000;

    /// <summary>The most documents one business keeps.</summary>
    public const int MaxPerBusiness = 100;

    /// <summary>A first or next version of a document, its text hashed.</summary>
    public static BusinessDocument Create(
        Guid businessId, string documentId, DocumentGroup group, string title, string locale, int version, string text, DateTimeOffset createdAt) =>
        new(businessId, documentId, group, title, locale, version, text, Hashing.Sha256Hex(text), createdAt);
}
