using System.Globalization;
using System.Text.Json;
using LinX.Core.Customers;
using LinX.Core.Workflows;

namespace LinX.Core.Gateway;

/// <summary>The enhance-profile and document-acceptance submissions.</summary>
internal static partial class SubmissionParser
{
    private static readonly string[] EnhancementFields = ["salutation", "dateOfBirth", "addresses", "phoneNumbers", "locale"];

    /// <summary>
    /// <c>{ "salutation", "dateOfBirth", "addresses": [{ "type", "streetLine1", "streetLine2"?, "cityName", "stateCode",
    /// "countryCode", "zipCode" }], "phoneNumbers": [{ "type", "phoneNumber" }] }</c>: exactly what <paramref name="step"/>
    /// asks for, each address and phone type once; anything not asked is an error.
    /// </summary>
    public static ProfileEnhancement? Enhancement(JsonElement root, JsonBody body, EnhanceProfileStep step, DateOnly today)
    {
        Admin.AdminFields.RejectUnknown(root, "$", EnhancementFields, body);
        var salutation = Asked(root, body, "salutation", step.Asks(PersonalInfoField.Salutation))
            ? body.String(root, "salutation", "$.salutation", 4)
            : null;
        if (salutation is not null && !ProfileEnhancement.Salutations.Contains(salutation, StringComparer.Ordinal))
        {
            body.Add("$.salutation", $"'salutation' must be one of: {string.Join(", ", ProfileEnhancement.Salutations)}.", WorkflowErrorCodes.InvalidValue);
        }

        var dob = Asked(root, body, "dateOfBirth", step.Asks(PersonalInfoField.DateOfBirth)) ? DateOfBirth(root, body, today) : null;
        var addresses = Typed(root, body, "addresses", step.Addresses, WireValues.AddressTypes, (item, path) =>
            Address(item, body, path, "cityName", "zipCode"));
        var phones = Typed(root, body, "phoneNumbers", step.PhoneNumbers, WireValues.AskedPhoneTypes, (item, path) => Phone(item, body, path));
        return body.Errors.Count == 0
            ? new ProfileEnhancement(
                salutation, dob, [.. addresses.Select(a => new TypedAddress(a.Type, a.Value))], [.. phones.Select(p => new TypedPhoneNumber(p.Type, p.Value))])
            : null;
    }

    /// <summary>Whether the field is asked; a field given that is not asked is reported.</summary>
    private static bool Asked(JsonElement root, JsonBody body, string name, bool asked)
    {
        if (!asked && root.TryGetProperty(name, out var given) && given.ValueKind != JsonValueKind.Null)
        {
            body.Add("$." + name, $"This step does not ask for '{name}'.", WorkflowErrorCodes.InputsNotAllowed);
        }

        return asked;
    }

    /// <summary>The items of <c>[{ "type": ..., ... }]</c>: one per asked type, each read by <paramref name="read"/>.</summary>
    private static List<(T Type, TValue Value)> Typed<T, TValue>(
        JsonElement root, JsonBody body, string name, IReadOnlyList<T> asked, WireValues<T> types, Func<JsonElement, string, TValue?> read)
        where T : struct, Enum
        where TValue : class
    {
        var found = new List<(T, TValue)>();
        var path = "$." + name;
        if (!Asked(root, body, name, asked.Count > 0))
        {
            return found;
        }

        if (!root.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            body.Add(path, $"'{name}' is required: a list with one entry of each type asked ({string.Join(", ", asked.Select(types.Format))}).", WorkflowErrorCodes.FieldRequired);
            return found;
        }

        var seen = new List<T>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var itemPath = JsonPath.Item(path, index++);
            var typeText = item.ValueKind == JsonValueKind.Object ? body.String(item, "type", itemPath + ".type", 16) : null;
            if (item.ValueKind != JsonValueKind.Object)
            {
                body.Add(itemPath, "Must be an object with a type.", WorkflowErrorCodes.InvalidType);
                continue;
            }

            if (typeText is null)
            {
                continue;
            }

            if (!types.TryParse(typeText, out var type) || !asked.Contains(type) || seen.Contains(type))
            {
                body.Add(itemPath + ".type", $"Must be one of the types asked, each once: {string.Join(", ", asked.Select(types.Format))}.", WorkflowErrorCodes.InvalidValue);
                continue;
            }

            seen.Add(type);
            if (read(item, itemPath) is { } value)
            {
                found.Add((type, value));
            }
        }

        foreach (var missing in asked.Where(t => !seen.Contains(t)))
        {
            body.Add(path, string.Create(CultureInfo.InvariantCulture, $"Add the {types.Format(missing)} entry: this step asks for it."), WorkflowErrorCodes.FieldRequired);
        }

        return found;
    }

    /// <summary>A home or work number: international, or national to the US and Canada; E.164.</summary>
    private static string? Phone(JsonElement item, JsonBody body, string path)
    {
        var text = body.String(item, "phoneNumber", path + ".phoneNumber", WorkflowLimits.MaxPhoneNumberLength);
        if (text is null)
        {
            return null;
        }

        var e164 = PhoneCountry.NormalizeOrNull(text, "US");
        if (e164 is null)
        {
            body.Add(path + ".phoneNumber", "'phoneNumber' is not a phone number, such as +14165550123.", WorkflowErrorCodes.InvalidPhoneNumber);
        }

        return e164;
    }

    /// <summary>
    /// <c>{ "accepted": [{ "documentId", "version" }] }</c>: every document of <paramref name="step"/>, at the version shown,
    /// accepted one by one. Each one missing, unknown or of another version is reported.
    /// </summary>
    public static bool DocumentsAccepted(JsonElement root, JsonBody body, DocumentAcceptanceStep step)
    {
        var accepted = new List<string>();
        IEnumerable<JsonElement> items = [];
        if (root.TryGetProperty("accepted", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            items = list.EnumerateArray();
        }
        else
        {
            body.Add("$.accepted", "'accepted' is required: the documents accepted, each with its documentId and version.", WorkflowErrorCodes.FieldRequired);
        }

        var index = 0;
        foreach (var item in items)
        {
            var path = JsonPath.Item("$.accepted", index++);
            var id = item.ValueKind == JsonValueKind.Object ? body.String(item, "documentId", path + ".documentId", 64) : null;
            var version = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("version", out var v) && v.TryGetInt32(out var n) ? n : (int?)null;
            var document = step.Documents.FirstOrDefault(d => d.DocumentId == id);
            if (document is null || version != document.Version || accepted.Contains(id!))
            {
                body.Add(path, "Not a document of this step at the version shown.", Core.ServiceErrorCodes.DocumentNotAccepted);
                continue;
            }

            accepted.Add(id!);
        }

        foreach (var missing in step.Documents.Where(d => !accepted.Contains(d.DocumentId)))
        {
            body.Add("$.accepted", string.Create(CultureInfo.InvariantCulture, $"Accept {missing.DocumentId} (version {missing.Version}) to continue."), Core.ServiceErrorCodes.DocumentNotAccepted);
        }

        return body.Errors.Count == 0;
    }
}
