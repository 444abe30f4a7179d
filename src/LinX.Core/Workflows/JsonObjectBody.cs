using System.Text.Json;

namespace LinX.Core.Workflows;

/// <summary>
/// Reads a body that must be one JSON object, with the workflow request's checks of encoding, size and syntax
/// (<see cref="WorkflowRequestReader.Parse"/>) and every problem reported. Never throws for any input.
/// </summary>
internal static class JsonObjectBody
{
    /// <summary>
    /// <paramref name="read"/>'s value of the object and the problems it and the parser found, or no value when the body is
    /// not JSON or not an object. A key holding an unpaired surrogate escape cannot be read as a string: that is the one problem then.
    /// </summary>
    public static (T? Value, IReadOnlyList<FieldError> Errors) Read<T>(ReadOnlySpan<byte> utf8Json, Func<JsonElement, ValidationErrors, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var errors = new ValidationErrors();
        try
        {
            using var document = WorkflowRequestReader.Parse(utf8Json, errors);
            if (document is null)
            {
                return (default, errors.ToList());
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(JsonPath.Root, WorkflowErrorCodes.InvalidType, "The body must be a JSON object.");
                return (default, errors.ToList());
            }

            var value = read(document.RootElement, errors);
            return (value, errors.ToList());
        }
        catch (InvalidOperationException)
        {
            return (default, [new FieldError(JsonPath.Root, "A key holds an unpaired surrogate escape.", WorkflowErrorCodes.InvalidEncoding)]);
        }
    }
}
