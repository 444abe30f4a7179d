using System.Text.Json;
using LinX.Core.Workflows;
using LinX.Core;

namespace LinX.Api.Workflows;

/// <summary>The body of extend: exactly one of <c>expireAt</c> (ISO 8601 with offset) or <c>hours</c> (1–8760).</summary>
internal sealed record ExtendRequest(DateTimeOffset? ExpireAt, int? Hours, IReadOnlyList<FieldError> Errors)
{
    public static ExtendRequest Parse(ReadOnlySpan<byte> body)
    {
        var errors = new List<FieldError>();
        DateTimeOffset? expireAt = null;
        int? hours = null;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Fail("$", "The body must be a JSON object.", WorkflowErrorCodes.InvalidType);
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "expireAt" when property.Value.ValueKind == JsonValueKind.String && property.Value.TryGetDateTimeOffset(out var at):
                        expireAt = at;
                        break;
                    case "expireAt":
                        errors.Add(new FieldError("$.expireAt", "expireAt must be an ISO 8601 date and time with offset.", ServiceErrorCodes.InvalidDate));
                        break;
                    case "hours" when property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var h) && h is >= 1 and <= 8760:
                        hours = h;
                        break;
                    case "hours" when property.Value.ValueKind == JsonValueKind.Number:
                        errors.Add(new FieldError("$.hours", $"{GivenValue.Quote(property.Value.GetRawText())} is out of range: hours must be a whole number from 1 to 8760.", WorkflowErrorCodes.ValueOutOfRange));
                        break;
                    case "hours":
                        errors.Add(new FieldError("$.hours", "hours must be a JSON number: a whole number from 1 to 8760.", WorkflowErrorCodes.InvalidType));
                        break;
                    default:
                        errors.Add(new FieldError("$." + JsonPathSafe(property.Name), "Unknown field.", WorkflowErrorCodes.UnknownField));
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return Fail("$", "The body is not valid JSON.", WorkflowErrorCodes.MalformedJson);
        }

        if (errors.Count == 0 && (expireAt is null) == (hours is null))
        {
            errors.Add(new FieldError("$", "Give exactly one of expireAt or hours.", ServiceErrorCodes.ExtendTargetRequired));
        }

        return new ExtendRequest(expireAt, hours, errors);
    }

    private static string JsonPathSafe(string name) => name.Length <= 64 && name.All(char.IsAsciiLetterOrDigit) ? name : "?";

    private static ExtendRequest Fail(string path, string message, string code) => new(null, null, [new FieldError(path, message, code)]);
}
