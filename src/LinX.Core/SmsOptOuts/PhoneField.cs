using System.Text.Json;
using LinX.Core.Gateway;
using LinX.Core.Workflows;

namespace LinX.Core.SmsOptOuts;

/// <summary>A phone number member of a JSON body, normalised to E.164 by the contract's own rule (<see cref="PhoneNumberRule"/>).</summary>
internal static class PhoneField
{
    public static string? Read(JsonElement parent, string name, string path, JsonBody fields)
    {
        if (fields.String(parent, name, path, WorkflowLimits.MaxPhoneNumberLength + 1) is not { } text)
        {
            return null;
        }

        var errors = new ValidationErrors();
        var e164 = PhoneNumberRule.Normalize(text, path, errors);
        foreach (var error in errors.ToList())
        {
            fields.Add(error.Path, error.Message, error.ErrorCode);
        }

        return e164;
    }
}
