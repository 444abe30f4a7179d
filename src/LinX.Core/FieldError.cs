using System.Text.Json.Serialization;

namespace LinX.Core;

/// <summary>
/// One problem with a request: where (a JSON path such as <c>$.parameters.amount</c>), what (a
/// message fit for a developer or customer), and a stable machine-readable code.
/// </summary>
public sealed record FieldError(string Path, string Message, string ErrorCode)
{
    /// <summary>For a wrong passcode: how many tries are left before the link locks (absent otherwise).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? AttemptsLeft { get; init; }
}
