using Microsoft.Extensions.Logging;

namespace LinX.Durable;

/// <summary>Source-generated log messages of the durable runtime. Ids and names only: no payloads.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Durable worker started on task hub {TaskHub}")]
    public static partial void WorkerStarted(ILogger logger, string taskHub);

    [LoggerMessage(2, LogLevel.Information, "Durable worker stopped on task hub {TaskHub}")]
    public static partial void WorkerStopped(ILogger logger, string taskHub);

    [LoggerMessage(3, LogLevel.Warning, "Polling queue {Queue} failed")]
    public static partial void PollFailed(ILogger logger, string queue, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Dropped an unreadable message from queue {Queue}")]
    public static partial void UnreadableMessage(ILogger logger, string queue, Exception exception);

    [LoggerMessage(5, LogLevel.Debug, "Instance {InstanceId} was advanced by another worker; its messages come back later")]
    public static partial void CommitConflict(ILogger logger, string instanceId);

    [LoggerMessage(6, LogLevel.Error, "Processing instance {InstanceId} failed; its messages come back later")]
    public static partial void EpisodeFailed(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(7, LogLevel.Warning, "Dropped a {Kind} message for unknown instance {InstanceId}")]
    public static partial void UnknownInstance(ILogger logger, string kind, string instanceId);

    [LoggerMessage(8, LogLevel.Warning, "Activity {Activity} of instance {InstanceId} was delivered {Count} times without finishing: failed as poison")]
    public static partial void PoisonActivity(ILogger logger, string activity, string instanceId, long count);

    [LoggerMessage(9, LogLevel.Error, "Activity {Activity} of instance {InstanceId} could not be completed; it runs again later")]
    public static partial void ActivityDispatchFailed(ILogger logger, string activity, string instanceId, Exception exception);

    [LoggerMessage(10, LogLevel.Information, "Instance {InstanceId} ({Orchestrator}) finished as {Status}")]
    public static partial void InstanceFinished(ILogger logger, string instanceId, string orchestrator, string status);

    [LoggerMessage(11, LogLevel.Warning, "Dropped a control message for instance {InstanceId} after {Count} deliveries")]
    public static partial void PoisonControlMessage(ILogger logger, string instanceId, long count);
}
