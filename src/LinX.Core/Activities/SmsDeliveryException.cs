namespace LinX.Core.Activities;

/// <summary>The SMS provider refused a message; the activity fails so that it is retried.</summary>
public sealed class SmsDeliveryException : Exception
{
    public SmsDeliveryException(string message)
        : base(message)
    {
    }
}
