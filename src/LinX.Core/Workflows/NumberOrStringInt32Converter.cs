using System.Text.Json;
using System.Text.Json.Serialization;

namespace LinX.Core.Workflows;

/// <summary>Reads a whole number written as a JSON number or a plain numeric string (<c>"2"</c>); writes a number.</summary>
internal sealed class NumberOrStringInt32Converter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetDecimal(),
            JsonTokenType.String when PlainDecimal.TryParse(reader.GetString()!, out var parsed) => parsed,
            _ => throw new JsonException("Expected a whole number or a plain numeric string."),
        };
        return decimal.IsInteger(value) && value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new JsonException("Expected a whole number.");
    }

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value);
}
