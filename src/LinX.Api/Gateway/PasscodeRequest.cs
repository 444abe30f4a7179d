using System.Text.Json;
using LinX.Core.Workflows;
using LinX.Core;

namespace LinX.Api.Gateway;

/// <summary>The body of the passcode endpoint: <c>{ "passcode": "123456" }</c>, six digits.</summary>
internal sealed record PasscodeRequest(string? Passcode, IReadOnlyList<FieldError> Errors)
{
    public static PasscodeRequest Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("passcode", out var value)
                && value.ValueKind == JsonValueKind.String
                && value.GetString() is { Length: 6 } passcode
                && passcode.All(char.IsAsciiDigit))
            {
                return new PasscodeRequest(passcode, []);
            }
        }
        catch (JsonException)
        {
            return new PasscodeRequest(null, [new FieldError("$", "The body is not valid JSON.", WorkflowErrorCodes.MalformedJson)]);
        }

        return new PasscodeRequest(null, [new FieldError("$.passcode", "Enter the 6-digit passcode.", ServiceErrorCodes.PasscodeFormat)]);
    }
}
