namespace LinX.Core.Workflows;

/// <summary>
/// The problems found so far, capped at <see cref="WorkflowLimits.MaxErrors"/> so that a hostile body
/// cannot make the answer larger than the question. Also remembers the paths whose value was rejected
/// while reading ("poisoned"), so that later rules do not report them again as missing.
/// </summary>
internal sealed class ValidationErrors
{
    private readonly List<FieldError> _errors = [];
    private readonly HashSet<string> _poisoned = new(StringComparer.Ordinal);
    private bool _truncated;

    public int Count => _errors.Count;

    /// <summary>
    /// Template mode (ADR 0021): a value a request may still give (the title, any parameter) is not reported missing,
    /// but every value present is checked as in a request.
    /// </summary>
    public bool WaivesRequestValues { get; init; }

    public IReadOnlyList<FieldError> ToList() => _errors.ToArray();

    public void Add(string path, string errorCode, string message)
    {
        if (WaivesRequestValues && IsRequestValueMissing(path, errorCode))
        {
            return;
        }

        if (_errors.Count < WorkflowLimits.MaxErrors)
        {
            _errors.Add(new FieldError(path, message, errorCode));
        }
        else if (!_truncated)
        {
            _truncated = true;
            _errors.Add(new FieldError(JsonPath.Root, "Too many problems; only the first ones are listed.", WorkflowErrorCodes.TooManyErrors));
        }
    }

    /// <summary>Reports a problem with the value at <paramref name="path"/> and marks it as rejected.</summary>
    public void Reject(string path, string errorCode, string message)
    {
        _poisoned.Add(path);
        Add(path, errorCode, message);
    }

    public bool IsRejected(string path) => _poisoned.Contains(path);

    private static bool IsRequestValueMissing(string path, string errorCode) =>
        (errorCode == WorkflowErrorCodes.ParameterRequired && path.StartsWith(JsonPath.Parameters + ".", StringComparison.Ordinal))
        || (errorCode == WorkflowErrorCodes.FieldRequired && path == JsonPath.Title);
}
