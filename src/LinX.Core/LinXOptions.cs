using System.ComponentModel.DataAnnotations;

namespace LinX.Core;

/// <summary>Section <c>LinX</c>: public URLs and the reminder cadence.</summary>
public sealed class LinXOptions
{
    public const string SectionName = "LinX";

    /// <summary>Base URL of the Gateway as customers reach it; links are <c>{PublicBaseUrl}/linx/{token}</c>.</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>Time between reminders while the customer has not finished; at most one a day by default.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Wrong passcodes allowed before the link locks.</summary>
    [Range(1, 20)]
    public int MaxPasscodeAttempts { get; set; } = 5;
}
