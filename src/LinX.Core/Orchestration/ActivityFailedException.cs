namespace LinX.Core.Orchestration;

/// <summary>What is known of a failure: the exception type and message, never personal data.</summary>
public sealed record FailureDetails(string ErrorType, string ErrorMessage, string? StackTrace = null);

/// <summary>Thrown into the orchestrator when an activity failed for good (all retries spent).</summary>
public sealed class ActivityFailedException : Exception
{
    public ActivityFailedException(string activityName, FailureDetails failureDetails)
        : base($"Activity '{activityName}' failed: {failureDetails.ErrorType}: {failureDetails.ErrorMessage}")
    {
        ActivityName = activityName;
        FailureDetails = failureDetails;
    }

    public ActivityFailedException()
        : this(string.Empty, new FailureDetails(string.Empty, string.Empty))
    {
    }

    public ActivityFailedException(string message)
        : this(string.Empty, new FailureDetails(string.Empty, message))
    {
    }

    public ActivityFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        ActivityName = string.Empty;
        FailureDetails = new FailureDetails(innerException.GetType().FullName ?? "Exception", innerException.Message);
    }

    public string ActivityName { get; }

    public FailureDetails FailureDetails { get; }
}
