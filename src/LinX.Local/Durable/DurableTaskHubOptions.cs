using System.ComponentModel.DataAnnotations;

namespace LinX.Local.Durable;

/// <summary>
/// The task hub of the local host (configuration section <c>LinX:Durable</c>): the Durable Task Framework's Azure
/// Storage backend, in the layout Durable Functions uses. The defaults make a local host react in well under a second
/// and take over a dead host's partitions within about 20 seconds; see ADR 0010 for why each was chosen.
/// </summary>
public sealed class DurableTaskHubOptions : IValidatableObject
{
    public const string SectionName = "LinX:Durable";

    /// <summary>Azure Storage connection string (Azurite locally, a storage account in Azure).</summary>
    [Required]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// Task hub name: the prefix of its tables (<c>{hub}Instances</c>, <c>{hub}History</c>, <c>{hub}Partitions</c>),
    /// queues (<c>{hub}-control-NN</c>, <c>{hub}-workitems</c>) and blob containers. Lowercase letters and digits,
    /// starting with a letter, 3 to 40 characters, so that every derived name obeys the storage naming rules.
    /// </summary>
    [Required]
    [RegularExpression("^[a-z][a-z0-9]{2,39}$", ErrorMessage = "TaskHub must be 3-40 lowercase letters or digits, starting with a letter.")]
    public string TaskHub { get; set; } = "linx";

    /// <summary>Control queues (partitions) of the hub: the most hosts that share orchestrations. Fixed once the hub exists.</summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;

    /// <summary>Longest wait between polls of an idle queue: how late an event may be seen after a quiet spell.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Activities this process runs at the same time.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentActivities { get; set; } = 16;

    /// <summary>Orchestration episodes this process runs at the same time.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentOrchestrations { get; set; } = 16;

    /// <summary>How long a partition lease lasts without renewal: the longest a dead host keeps its partitions.</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a host renews its leases and looks for partitions to take.</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a dequeued orchestration message stays hidden: when a dead host's messages come back.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a dequeued activity message stays hidden; the backend renews it while the activity runs.</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxQueuePollingInterval < TimeSpan.FromMilliseconds(100) || MaxQueuePollingInterval > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("MaxQueuePollingInterval must be between 100 ms and one minute.", [nameof(MaxQueuePollingInterval)]);
        }

        if (LeaseRenewInterval < TimeSpan.FromSeconds(1) || LeaseInterval < LeaseRenewInterval * 2 || LeaseInterval > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult(
                "LeaseRenewInterval must be at least one second and LeaseInterval at least twice that and at most five minutes.",
                [nameof(LeaseInterval), nameof(LeaseRenewInterval)]);
        }

        if (ControlQueueVisibilityTimeout < TimeSpan.FromSeconds(5) || ControlQueueVisibilityTimeout > TimeSpan.FromHours(1)
            || WorkItemQueueVisibilityTimeout < TimeSpan.FromSeconds(5) || WorkItemQueueVisibilityTimeout > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult(
                "The queue visibility timeouts must be between five seconds and one hour.",
                [nameof(ControlQueueVisibilityTimeout), nameof(WorkItemQueueVisibilityTimeout)]);
        }
    }
}
