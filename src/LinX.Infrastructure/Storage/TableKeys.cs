using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace LinX.Infrastructure.Storage;

/// <summary>Key and column helpers. Keys are built only from ids and hashes, never from raw input.</summary>
internal static class TableKeys
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Of(Guid id) => id.ToString("D");

    public static string Serial(int serial) => serial.ToString("D6", CultureInfo.InvariantCulture);

    public static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static decimal Decimal(string value) => decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static bool IsConflict(RequestFailedException e) => e.Status == (int)HttpStatusCode.Conflict;

    /// <summary>Inserts <paramref name="row"/>: true when this insert wrote it, false when a row with its keys was there (insert-only, first wins).</summary>
    public static async Task<bool> TryAddAsync(TableClient table, ITableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (IsConflict(e))
        {
            return false;
        }
    }

    public static bool IsNotFound(RequestFailedException e) => e.Status == (int)HttpStatusCode.NotFound;

    public static bool IsPreconditionFailed(RequestFailedException e) => e.Status == (int)HttpStatusCode.PreconditionFailed;
}
