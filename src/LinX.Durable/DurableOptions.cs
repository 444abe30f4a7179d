using System.ComponentModel.DataAnnotations;

namespace LinX.Durable;

/// <summary>Options of the embedded durable runtime (configuration section <c>LinX:Durable</c>).</summary>
public sealed class DurableOptions : IValidatableObject
{
    public const string SectionName = "LinX:Durable";

    /// <summary>Azure Storage connection string (Azurite locally, a storage account in Azure).</summary>
    [Required]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// Task hub name: the prefix of the table (<c>{hub}Instances</c>) and queues (<c>{hub}-control</c>,
    /// <c>{hub}-workitems</c>). Lowercase letters and digits, starting with a letter, 3 to 40 characters,
    /// so that every derived name obeys the table and queue naming rules.
    /// </summary>
    [Required]
    [RegularExpression("^[a-z][a-z0-9]{2,39}$", ErrorMessage = "TaskHub must be 3-40 lowercase letters or digits, starting with a letter.")]
    public string TaskHub { get; set; } = "linx";

    /// <summary>Activities this process runs at the same time.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentActivities { get; set; } = 16;

    /// <summary>Orchestration episodes (replays) this process runs at the same time.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentOrchestrations { get; set; } = 16;

    /// <summary>Delay between polls of a queue that just had work; doubled while idle up to the maximum.</summary>
    public TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest delay between polls of an idle queue.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a received orchestration message stays hidden from other workers.</summary>
    public TimeSpan ControlVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a received activity message stays hidden; renewed while the activity runs.</summary>
    public TimeSpan ActivityVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Longest a timer message stays invisible; a later timer arrives early and is queued again, as often as needed.
    /// Azure caps a message's invisibility at 7 days.
    /// </summary>
    public TimeSpan MaxTimerDelay { get; set; } = TimeSpan.FromDays(6);

    /// <summary>
    /// Deliveries of one activity message after which it is poison (its worker kept dying): the activity
    /// is then failed instead of retried forever.
    /// </summary>
    [Range(1, 100)]
    public int MaxActivityDequeueCount { get; set; } = 5;

    /// <summary>
    /// Memory for snapshots of the instances this process ran recently (approximate megabytes; 0 turns the cache
    /// off). An episode of a cached instance reads nothing: it commits against the snapshot's ETag.
    /// </summary>
    [Range(0, 4096)]
    public int InstanceCacheMegabytes { get; set; } = 16;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinPollingInterval <= TimeSpan.Zero || MinPollingInterval > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("MinPollingInterval must be positive and at most one minute.", [nameof(MinPollingInterval)]);
        }

        if (MaxPollingInterval < MinPollingInterval || MaxPollingInterval > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult("MaxPollingInterval must be at least MinPollingInterval and at most five minutes.", [nameof(MaxPollingInterval)]);
        }

        if (ControlVisibilityTimeout < TimeSpan.FromSeconds(1) || ControlVisibilityTimeout > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("ControlVisibilityTimeout must be between one second and one hour.", [nameof(ControlVisibilityTimeout)]);
        }

        if (ActivityVisibilityTimeout < TimeSpan.FromSeconds(1) || ActivityVisibilityTimeout > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("ActivityVisibilityTimeout must be between one second and one hour.", [nameof(ActivityVisibilityTimeout)]);
        }

        if (MaxTimerDelay < TimeSpan.FromSeconds(1) || MaxTimerDelay > TimeSpan.FromDays(7))
        {
            yield return new ValidationResult("MaxTimerDelay must be between one second and seven days.", [nameof(MaxTimerDelay)]);
        }
    }
}
