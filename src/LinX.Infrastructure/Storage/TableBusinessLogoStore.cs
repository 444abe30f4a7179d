using Azure;
using Azure.Data.Tables;
using LinX.Core.Businesses;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// Logos: PK = business id, RK = SHA-256 of the bytes, the bytes in one binary property (a logo is at most 64 KiB, the
/// size Table Storage allows a binary property). Kept apart from the business row, which every request reads.
/// </summary>
internal sealed class TableBusinessLogoStore(TableStorage storage) : IBusinessLogoStore
{
    private const string ContentColumn = "Content";
    private const string ContentTypeColumn = "ContentType";

    private readonly TableClient _table = storage.BusinessLogos;

    public async Task PutAsync(Guid businessId, BusinessLogo logo, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logo);
        var row = new TableEntity(TableKeys.Of(businessId), logo.Sha256)
        {
            [ContentTypeColumn] = logo.ContentType,
            [ContentColumn] = content.ToArray(),
        };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<StoredLogo?> GetAsync(Guid businessId, string sha256, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(businessId), sha256, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetBinary(ContentColumn) is { } content
            ? new StoredLogo(row.Value.GetString(ContentTypeColumn) ?? string.Empty, content)
            : null;
    }

    public async Task DeleteAsync(Guid businessId, string sha256, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(TableKeys.Of(businessId), sha256, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (TableKeys.IsNotFound(e))
        {
            // Deleted already: the retry of a delete.
        }
    }
}
