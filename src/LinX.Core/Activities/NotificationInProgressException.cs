namespace LinX.Core.Activities;

/// <summary>
/// Other copies of the activity kept the claim on this SMS for longer than a lease (each taking over from the last):
/// the activity fails, and the orchestration's retry policy runs it again.
/// </summary>
public sealed class NotificationInProgressException : Exception
{
    public NotificationInProgressException(string message)
        : base(message)
    {
    }
}
