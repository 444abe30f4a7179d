using Microsoft.Extensions.Logging;

namespace LinX.Infrastructure.Sms;

/// <summary>
/// Log messages of the SMS senders. Phone numbers only masked, never a message text, a provider's error text (it may
/// quote the number) or a key.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Information, "ACS accepted SMS request {RequestId} to {MaskedPhone} as {MessageId} (repeatability {RepeatabilityResult})")]
    public static partial void AcsSmsAccepted(this ILogger logger, Guid requestId, string maskedPhone, string? messageId, string? repeatabilityResult);

    [LoggerMessage(5002, LogLevel.Warning, "ACS refused SMS request {RequestId} to {MaskedPhone}: HTTP {StatusCode} for the recipient (repeatability {RepeatabilityResult})")]
    public static partial void AcsSmsRecipientRefused(this ILogger logger, Guid requestId, string maskedPhone, int statusCode, string? repeatabilityResult);

    [LoggerMessage(5003, LogLevel.Warning, "ACS refused SMS request {RequestId} to {MaskedPhone}: HTTP {StatusCode} ({ErrorCode})")]
    public static partial void AcsSmsRequestRefused(this ILogger logger, Guid requestId, string maskedPhone, int statusCode, string? errorCode);

    [LoggerMessage(5004, LogLevel.Error, "ACS refused LinX's {AuthMode} credentials or sender: HTTP {StatusCode} ({ErrorCode}); check LinX:Sms:Acs")]
    public static partial void AcsSmsConfigurationError(this ILogger logger, string authMode, int statusCode, string? errorCode);

    [LoggerMessage(5005, LogLevel.Warning, "ACS could not take SMS request {RequestId} to {MaskedPhone}: HTTP {StatusCode} after retries")]
    public static partial void AcsSmsUnavailable(this ILogger logger, Guid requestId, string maskedPhone, int statusCode);

    [LoggerMessage(5006, LogLevel.Warning, "ACS did not answer SMS request {RequestId} to {MaskedPhone} within {Timeout}")]
    public static partial void AcsSmsTimedOut(this ILogger logger, Guid requestId, string maskedPhone, TimeSpan timeout);

    [LoggerMessage(5007, LogLevel.Warning, "ACS could not be reached for SMS request {RequestId} to {MaskedPhone}: {ErrorType} on every try")]
    public static partial void AcsSmsUnreachable(this ILogger logger, Guid requestId, string maskedPhone, string errorType);
}
