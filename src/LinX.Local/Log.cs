namespace LinX.Local;

/// <summary>The local host's log messages: structured, no personal data, no tokens.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Installing Azurite with npm ci")]
    public static partial void InstallingAzurite(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "Started Azurite (pid {ProcessId}) on 127.0.0.1: blob {BlobPort}, queue {QueuePort}, table {TablePort}")]
    public static partial void AzuriteStarted(ILogger logger, int processId, int blobPort, int queuePort, int tablePort);

    [LoggerMessage(3, LogLevel.Information, "Stopping Azurite (pid {ProcessId})")]
    public static partial void AzuriteStopping(ILogger logger, int processId);
}
