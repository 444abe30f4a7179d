using System.Text.Json;
using System.Text.Json.Serialization;

namespace LinX.Durable;

/// <summary>The one place user payloads and the runtime's own records are (de)serialized.</summary>
internal static class DurableJson
{
    /// <summary>User payloads: web defaults (camelCase, case-insensitive); enums as their own converters say.</summary>
    public static JsonSerializerOptions Payload { get; } = Create(ignoreNulls: false);

    /// <summary>Runtime records (history, messages, outbox): compact, nulls omitted.</summary>
    public static JsonSerializerOptions Internal { get; } = Create(ignoreNulls: true);

    public static string? Serialize(object? value, Type declaredType) =>
        value is null ? null : JsonSerializer.Serialize(value, declaredType == typeof(object) ? value.GetType() : declaredType, Payload);

    public static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Payload);

    public static T? Deserialize<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, Payload);

    private static JsonSerializerOptions Create(bool ignoreNulls)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        if (ignoreNulls)
        {
            options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        }

        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
