namespace LinX.Core.Workflows;

/// <summary>Checks of single parameter values shared by several steps.</summary>
internal static class ValueRules
{
    /// <summary>A UUID in the 8-4-4-4-12 form, not the nil UUID; null (reported) otherwise.</summary>
    public static Guid? Uuid(string? value, string path, ValidationErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        if (Guid.TryParseExact(value, "D", out var id) && id != Guid.Empty)
        {
            return id;
        }

        errors.Add(path, WorkflowErrorCodes.InvalidUuid, "Must be a UUID such as 8c8cab63-4e53-4acf-9efa-e7324816aa36.");
        return null;
    }

    /// <summary>One of the wire names of <paramref name="values"/>; null (reported) otherwise.</summary>
    public static T? OneOf<T>(string? value, WireValues<T> values, string path, ValidationErrors errors)
        where T : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (values.TryParse(value, out var parsed))
        {
            return parsed;
        }

        errors.Add(path, WorkflowErrorCodes.InvalidValue, $"Must be one of: {values.Allowed}.");
        return null;
    }

    /// <summary>Optional free text: null when absent, false when blank or too long (reported).</summary>
    public static bool Text(string? value, string path, int maxLength, ValidationErrors errors) =>
        value is null || TextRules.Check(value, path, maxLength, errors);
}
