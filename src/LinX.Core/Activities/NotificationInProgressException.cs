namespace LinX.Core.Activities;

/// <summary>
/// Another copy of the activity holds the claim on this SMS (a redelivered message running on another host); the
/// activity fails so that its retry finds the SMS sent, or the claim's lease run out.
/// </summary>
public sealed class NotificationInProgressException : Exception
{
    public NotificationInProgressException(string message)
        : base(message)
    {
    }
}
