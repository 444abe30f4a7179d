using System.Text.Json;
using LinX.Core.Admin;
using LinX.Core.Businesses;
using LinX.Core.Gateway;
using LinX.Core.Workflows;
using Microsoft.Extensions.Logging;

namespace LinX.Core.Documents;

/// <summary>
/// The business's documents (<c>/api/linx/documents</c>): create (version 1), update (the next version; the same text
/// and title again store nothing), get the current or a given version, list. Each business sees only its own; a
/// version's text never changes once stored, and its SHA-256 is what acceptance evidence names.
/// </summary>
public sealed class BusinessDocumentService
{
    private const int MaxConcurrencyRetries = 3;
    private static readonly string[] CreateFields = ["documentId", "documentGroup", "title", "text", "locale"];
    private static readonly string[] UpdateFields = ["title", "text", "locale"];

    private readonly IBusinessDocumentStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<BusinessDocumentService> _logger;

    public BusinessDocumentService(IBusinessDocumentStore store, TimeProvider time, ILogger<BusinessDocumentService> logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
    }

    public async Task<ServiceResult<BusinessDocumentListView>> ListAsync(Business business, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        var documents = await _store.ListAsync(business.BusinessId, cancellationToken);
        return ServiceResult.Ok(new BusinessDocumentListView([.. documents.Select(d => BusinessDocumentView.From(d, current: true, withText: false))]));
    }

    /// <summary>The current version (<paramref name="version"/> null) or that version; NotFound for another business's document.</summary>
    public async Task<ServiceResult<BusinessDocumentView>> GetAsync(Business business, string documentId, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        var current = StepInputRules.IsDocumentId(documentId) ? await _store.GetAsync(business.BusinessId, documentId, null, cancellationToken) : null;
        var document = current is null || version is null || version == current.Version
            ? current
            : await _store.GetAsync(business.BusinessId, documentId, version, cancellationToken);
        return document is null
            ? NotFound<BusinessDocumentView>()
            : ServiceResult.Ok(BusinessDocumentView.From(document, document.Version == current!.Version));
    }

    /// <summary>Creates version 1 from <see cref="BusinessDocumentRequest"/>; 409 when the id exists.</summary>
    public async Task<ServiceResult<BusinessDocumentStored>> CreateAsync(Business business, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        var (request, errors) = AdminFields.Read(body, CreateFields, ReadCreate);
        if (request is null)
        {
            return ServiceResult.Fail<BusinessDocumentStored>(ServiceOutcome.Invalid, errors);
        }

        if (await _store.GetAsync(business.BusinessId, request.DocumentId, null, cancellationToken) is { } existing)
        {
            return SameAs(existing, request.Title, request.Text, request.Locale ?? existing.Locale) && existing.DocumentGroup == request.DocumentGroup
                ? ServiceResult.Ok(new BusinessDocumentStored(BusinessDocumentView.From(existing, current: true), Created: false))
                : Conflict("A document with this documentId exists already: PUT /api/linx/documents/{documentId} stores its next version.", ServiceErrorCodes.DocumentExists);
        }

        if ((await _store.ListAsync(business.BusinessId, cancellationToken)).Count >= BusinessDocument.MaxPerBusiness)
        {
            return Conflict($"The business keeps {BusinessDocument.MaxPerBusiness} documents already.", ServiceErrorCodes.DocumentLimitReached);
        }

        var document = BusinessDocument.Create(
            business.BusinessId, request.DocumentId, request.DocumentGroup, request.Title, request.Locale ?? BusinessProfile.Locales[0], 1, request.Text, _time.GetUtcNow());
        return await _store.AddVersionAsync(document, cancellationToken)
            ? Stored(document)
            : await CreateAsync(business, body, cancellationToken); // lost a race on the same id: answer as for a repeat
    }

    /// <summary>Stores the next version from <see cref="BusinessDocumentVersionRequest"/>; the same title, text and locale again store nothing.</summary>
    public async Task<ServiceResult<BusinessDocumentStored>> UpdateAsync(Business business, string documentId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        if (!StepInputRules.IsDocumentId(documentId))
        {
            return NotFound<BusinessDocumentStored>();
        }

        var (request, errors) = AdminFields.Read(body, UpdateFields, (root, fields) => ReadVersion(root, fields));
        if (request is null)
        {
            return ServiceResult.Fail<BusinessDocumentStored>(ServiceOutcome.Invalid, errors);
        }

        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            if (await _store.GetAsync(business.BusinessId, documentId, null, cancellationToken) is not { } current)
            {
                return NotFound<BusinessDocumentStored>();
            }

            var locale = request.Locale ?? current.Locale;
            if (SameAs(current, request.Title, request.Text, locale))
            {
                return ServiceResult.Ok(new BusinessDocumentStored(BusinessDocumentView.From(current, current: true), Created: false));
            }

            var next = BusinessDocument.Create(
                business.BusinessId, documentId, current.DocumentGroup, request.Title, locale, current.Version + 1, request.Text, _time.GetUtcNow());
            if (await _store.AddVersionAsync(next, cancellationToken))
            {
                return Stored(next);
            }
        }

        return Conflict("The document was changed by another request at the same time; send it again.", ServiceErrorCodes.DocumentExists);
    }

    private ServiceResult<BusinessDocumentStored> Stored(BusinessDocument document)
    {
        _logger.BusinessDocumentStored(document.BusinessId, document.DocumentId, document.Version);
        return ServiceResult.Ok(new BusinessDocumentStored(BusinessDocumentView.From(document, current: true), Created: true));
    }

    private static bool SameAs(BusinessDocument document, string title, string text, string locale) =>
        document.Title == title && document.Text == text && document.Locale == locale;

    private static BusinessDocumentRequest? ReadCreate(JsonElement root, JsonBody fields)
    {
        var id = fields.String(root, "documentId", "$.documentId", 64);
        if (id is not null && !StepInputRules.IsDocumentId(id))
        {
            fields.Add("$.documentId", "Must be 1 to 64 lower-case letters, digits and hyphens, such as privacy-policy.", WorkflowErrorCodes.InvalidDocumentId);
        }

        var groupText = fields.String(root, "documentGroup", "$.documentGroup", 32);
        DocumentGroup? group = null;
        if (groupText is not null && WireValues.DocumentGroups.TryParse(groupText, out var parsed))
        {
            group = parsed;
        }
        else if (groupText is not null)
        {
            fields.Add("$.documentGroup", $"Must be one of: {WireValues.DocumentGroups.Allowed}.", WorkflowErrorCodes.InvalidValue);
        }

        var version = ReadVersion(root, fields);
        return id is not null && group is { } g && version is not null && fields.Errors.Count == 0
            ? new BusinessDocumentRequest(id, g, version.Title, version.Text, version.Locale)
            : null;
    }

    private static BusinessDocumentVersionRequest? ReadVersion(JsonElement root, JsonBody fields)
    {
        var title = fields.String(root, "title", "$.title", BusinessDocument.MaxTitleLength);
        var text = DocumentText(root, fields);
        var locale = fields.String(root, "locale", "$.locale", 8, required: false);
        if (locale is not null && !BusinessProfile.Locales.Contains(locale, StringComparer.Ordinal))
        {
            fields.Add("$.locale", $"Must be one of: {string.Join(", ", BusinessProfile.Locales)}.", ServiceErrorCodes.UnsupportedLocale);
        }

        return title is not null && text is not null && fields.Errors.Count == 0 ? new BusinessDocumentVersionRequest(title, text, locale) : null;
    }

    /// <summary>The full text: line breaks kept (as <c>\n</c>, so that its hash does not depend on the sender's platform), no control or bidi-override character.</summary>
    private static string? DocumentText(JsonElement root, JsonBody fields)
    {
        const string path = "$.text";
        if (!root.TryGetProperty("text", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            fields.Add(path, "'text' is required.", WorkflowErrorCodes.FieldRequired);
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            fields.Add(path, "'text' must be a string.", WorkflowErrorCodes.InvalidType);
            return null;
        }

        if (JsonBody.Text(value) is not { } raw)
        {
            fields.Add(path, "'text' holds an unpaired surrogate escape.", WorkflowErrorCodes.InvalidEncoding);
            return null;
        }

        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        if (text.Length == 0)
        {
            fields.Add(path, "'text' is required.", WorkflowErrorCodes.StringEmpty);
        }
        else if (TextRules.HasForbiddenCharacter(text, allowLineBreaks: true))
        {
            fields.Add(path, "'text' contains a control or bidirectional-override character.", WorkflowErrorCodes.ControlCharacter);
        }
        else if (text.Length > BusinessDocument.MaxTextLength)
        {
            fields.Add(path, $"'text' must be at most {BusinessDocument.MaxTextLength} characters.", WorkflowErrorCodes.StringTooLong);
        }
        else
        {
            return text;
        }

        return null;
    }

    private static ServiceResult<T> NotFound<T>() =>
        ServiceResult.Fail<T>(ServiceOutcome.NotFound, new FieldError("$", "No such document.", ServiceErrorCodes.NotFound));

    private static ServiceResult<BusinessDocumentStored> Conflict(string message, string code) =>
        ServiceResult.Fail<BusinessDocumentStored>(ServiceOutcome.Conflict, new FieldError("$.documentId", message, code));
}
