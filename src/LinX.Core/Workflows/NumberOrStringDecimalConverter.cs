using System.Text.Json;
using System.Text.Json.Serialization;

namespace LinX.Core.Workflows;

/// <summary>Reads a decimal written as a JSON number or a plain numeric string; writes a number.</summary>
internal sealed class NumberOrStringDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetDecimal(),
            JsonTokenType.String when PlainDecimal.TryParse(reader.GetString()!, out var value) => value,
            _ => throw new JsonException("Expected a number or a plain numeric string."),
        };

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value);
}
