using System.Text.Json;

namespace LinX.Api.Http;

/// <summary>The JSON of every LinX response: camelCase (web defaults); enums carry their own contract names.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
