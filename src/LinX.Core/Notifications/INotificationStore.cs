namespace LinX.Core.Notifications;

/// <summary>Notification history, partitioned by workflow, one row per serial.</summary>
public interface INotificationStore
{
    Task<NotificationRecord?> GetAsync(Guid workflowId, int serial, CancellationToken cancellationToken);

    /// <summary>Inserts unless the (workflow, serial) row exists; returns the stored row.</summary>
    Task<NotificationRecord> AddAsync(NotificationRecord record, CancellationToken cancellationToken);

    /// <summary>The history in serial order.</summary>
    Task<IReadOnlyList<NotificationRecord>> ListAsync(Guid workflowId, CancellationToken cancellationToken);
}
