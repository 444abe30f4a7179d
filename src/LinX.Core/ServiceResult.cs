namespace LinX.Core;

/// <summary>How an application service call ended; the HTTP layer maps each value to one status code.</summary>
public enum ServiceOutcome
{
    /// <summary>200: done, value returned.</summary>
    Ok,

    /// <summary>202: accepted, applied asynchronously by the orchestrator.</summary>
    Accepted,

    /// <summary>400: the request itself is malformed or breaks a rule; see the errors.</summary>
    Invalid,

    /// <summary>422: the request refers to data that does not exist or does not belong to the caller.</summary>
    Unprocessable,

    /// <summary>404: no such resource for this caller (another tenant's data is also NotFound).</summary>
    NotFound,

    /// <summary>409: the resource is not in a state that allows this (ended workflow, not the current step, key reuse).</summary>
    Conflict,

    /// <summary>423: the link is locked after too many wrong passcodes.</summary>
    Locked,

    /// <summary>403: a passcode proof is required and was missing or wrong.</summary>
    Forbidden,

    /// <summary>429: a limit was reached; retry after <see cref="ServiceResult{T}.RetryAfter"/>.</summary>
    TooManyRequests,
}

/// <summary>The result of an application service call: an outcome, a value when it succeeded, and every error found.</summary>
public sealed record ServiceResult<T>(ServiceOutcome Outcome, T? Value, IReadOnlyList<FieldError> Errors)
{
    public bool IsSuccess => Outcome is ServiceOutcome.Ok or ServiceOutcome.Accepted;

    /// <summary>With <see cref="ServiceOutcome.TooManyRequests"/>: how long until the call can succeed.</summary>
    public TimeSpan? RetryAfter { get; init; }
}

/// <summary>Factories of <see cref="ServiceResult{T}"/>.</summary>
public static class ServiceResult
{
    public static ServiceResult<T> Ok<T>(T value) => new(ServiceOutcome.Ok, value, []);

    public static ServiceResult<T> Accepted<T>(T value) => new(ServiceOutcome.Accepted, value, []);

    public static ServiceResult<T> Fail<T>(ServiceOutcome outcome, params FieldError[] errors) => new(outcome, default, errors);

    public static ServiceResult<T> Fail<T>(ServiceOutcome outcome, IReadOnlyList<FieldError> errors) => new(outcome, default, errors);

    public static ServiceResult<T> TooManyRequests<T>(TimeSpan retryAfter, FieldError error) =>
        new(ServiceOutcome.TooManyRequests, default, [error]) { RetryAfter = retryAfter };
}
