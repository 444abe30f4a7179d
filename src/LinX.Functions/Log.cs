using Microsoft.Extensions.Logging;

namespace LinX.Functions;

/// <summary>Log messages of the Functions host; never a phone number, token or message text.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "ACS refused an SMS with HTTP status {StatusCode}")]
    public static partial void AcsSmsRefused(ILogger logger, int statusCode);
}
