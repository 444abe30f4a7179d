namespace LinX.Infrastructure.Sms;

/// <summary>
/// ACS refused LinX itself (HTTP 401, 403 or 404): the endpoint, key, identity's role or sender is wrong. Retrying
/// does not help; the message says what to check and never quotes the key.
/// </summary>
public sealed class AcsSmsConfigurationException : Exception
{
    public AcsSmsConfigurationException(int status, string message)
        : base(message)
    {
        Status = status;
    }

    /// <summary>The HTTP status ACS answered.</summary>
    public int Status { get; }
}
