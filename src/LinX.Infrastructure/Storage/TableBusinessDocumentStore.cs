using System.Globalization;
using Azure;
using Azure.Data.Tables;
using LinX.Core.Documents;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// Business documents: PK = business id; RK <c>d:{documentId}</c> is the current version (a copy), RK
/// <c>v:{documentId}:{version, 6 digits}</c> each version, never changed once written. A new version replaces the current
/// row (on its ETag) and adds the version row in one transaction, so two concurrent updates cannot both be version n+1.
/// </summary>
internal sealed class TableBusinessDocumentStore : IBusinessDocumentStore
{
    private const string CurrentPrefix = "d:";
    private const string VersionPrefix = "v:";

    private readonly TableClient _table;

    public TableBusinessDocumentStore(TableStorage storage)
    {
        _table = storage.BusinessDocuments;
    }

    public async Task<BusinessDocument?> GetAsync(Guid businessId, string documentId, int? version, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Of(businessId), version is { } v ? VersionKey(documentId, v) : CurrentPrefix + documentId, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? ToDocument(e) : null;
    }

    public async Task<bool> AddVersionAsync(BusinessDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var current = ToEntity(document, CurrentPrefix + document.DocumentId);
        TableTransactionAction replace;
        if (document.Version == 1)
        {
            replace = new TableTransactionAction(TableTransactionActionType.Add, current);
        }
        else
        {
            var before = await _table.GetEntityIfExistsAsync<TableEntity>(current.PartitionKey, current.RowKey, cancellationToken: cancellationToken);
            if (!before.HasValue || before.Value!.GetInt32("Version") != document.Version - 1)
            {
                return false;
            }

            replace = new TableTransactionAction(TableTransactionActionType.UpdateReplace, current, before.Value.ETag);
        }

        try
        {
            await _table.SubmitTransactionAsync(
                [replace, new TableTransactionAction(TableTransactionActionType.Add, ToEntity(document, VersionKey(document.DocumentId, document.Version)))],
                cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<BusinessDocument>> ListAsync(Guid businessId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Of(businessId)} and RowKey gt {CurrentPrefix} and RowKey lt {"d;"}");
        var documents = new List<BusinessDocument>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            documents.Add(ToDocument(row));
        }

        return documents;
    }

    private static string VersionKey(string documentId, int version) =>
        VersionPrefix + documentId + ":" + version.ToString("D6", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(BusinessDocument d, string rowKey) => new(TableKeys.Of(d.BusinessId), rowKey)
    {
        ["DocumentId"] = d.DocumentId,
        ["DocumentGroup"] = d.DocumentGroup.ToString(),
        ["Title"] = d.Title,
        ["Locale"] = d.Locale,
        ["Version"] = d.Version,
        ["Text"] = d.Text,
        ["Sha256"] = d.Sha256,
        ["CreatedAt"] = d.CreatedAt,
    };

    private static BusinessDocument ToDocument(TableEntity e) => new(
        Guid.Parse(e.PartitionKey),
        e.GetString("DocumentId") ?? string.Empty,
        Enum.Parse<DocumentGroup>(e.GetString("DocumentGroup") ?? nameof(DocumentGroup.Other)),
        e.GetString("Title") ?? string.Empty,
        e.GetString("Locale") ?? string.Empty,
        e.GetInt32("Version") ?? 1,
        e.GetString("Text") ?? string.Empty,
        e.GetString("Sha256") ?? string.Empty,
        e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue);
}
