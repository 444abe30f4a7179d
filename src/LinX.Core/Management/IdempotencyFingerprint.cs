using System.Globalization;
using System.Text;
using System.Text.Json;
using LinX.Core.Security;

namespace LinX.Core.Management;

/// <summary>
/// What an Idempotency-Key is bound to: the fingerprint of the request body it was first used with, so that a retry
/// of the same JSON, however it is spaced or its members ordered, is the same request.
/// </summary>
/// <remarks>
/// The SHA-256 of the body's canonical form, after RFC 8785 (JCS) but for numbers: object members sorted by the UTF-16
/// code units of their names, no insignificant whitespace, strings re-escaped minimally (<c>\"</c>, <c>\\</c>,
/// <c>\b \f \n \r \t</c>, other controls as <c>\u00xx</c>, everything else as UTF-8), <c>true</c>, <c>false</c>, <c>null</c>.
/// Numbers keep their text: JCS would make <c>10.10</c> and <c>10.1</c> one number through a double, which may round
/// an amount the validator reads exactly; a client that re-spells a number gets a 409, never another request's workflow.
/// Duplicate names keep their order of appearance (the body is invalid anyway). A body that is not JSON (or holds
/// text that is not valid Unicode) is fingerprinted as its raw bytes, which no canonical form can equal.
/// Fingerprints stored before this form match only byte-identical bodies.
/// </remarks>
public static class IdempotencyFingerprint
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The fingerprint of a create request's body.</summary>
    public static string Of(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var canonical = new StringBuilder(body.Length);
            Write(document.RootElement, canonical);
            return Hashing.Sha256Hex(StrictUtf8.GetBytes(canonical.ToString()));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // Not JSON, or a string with a lone surrogate (GetString or the strict encoder refuses it).
            return Hashing.Sha256Hex(body);
        }
    }

    private static void Write(JsonElement element, StringBuilder to)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                to.Append('{');
                var first = true;
                foreach (var member in element.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    to.Append(first ? string.Empty : ",");
                    first = false;
                    WriteString(member.Name, to);
                    to.Append(':');
                    Write(member.Value, to);
                }

                to.Append('}');
                break;
            case JsonValueKind.Array:
                to.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    to.Append(index++ == 0 ? string.Empty : ",");
                    Write(item, to);
                }

                to.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, to);
                break;
            default:
                to.Append(element.GetRawText()); // numbers as written; true, false, null
                break;
        }
    }

    private static void WriteString(string value, StringBuilder to)
    {
        to.Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => to.Append("\\\""),
                '\\' => to.Append("\\\\"),
                '\b' => to.Append("\\b"),
                '\f' => to.Append("\\f"),
                '\n' => to.Append("\\n"),
                '\r' => to.Append("\\r"),
                '\t' => to.Append("\\t"),
                < ' ' => to.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => to.Append(c),
            };
        }

        to.Append('"');
    }
}
