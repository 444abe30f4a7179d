namespace LinX.Durable.Storage;

/// <summary>A payload does not fit the storage limits (a table row or a queue message).</summary>
public sealed class PayloadTooLargeException : Exception
{
    public PayloadTooLargeException(string message)
        : base(message)
    {
    }
}
