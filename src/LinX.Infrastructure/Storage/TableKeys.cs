using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure;

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

    public static bool IsNotFound(RequestFailedException e) => e.Status == (int)HttpStatusCode.NotFound;

    public static bool IsPreconditionFailed(RequestFailedException e) => e.Status == (int)HttpStatusCode.PreconditionFailed;
}
