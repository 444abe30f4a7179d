using System.ComponentModel.DataAnnotations;

namespace LinX.Core;

/// <summary>Section <c>LinX</c>: public URLs, the reminder cadence, the passcode limit and local time travel.</summary>
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

    /// <summary>
    /// Workflows created while this is on may be told to remind or expire now (<c>/dev/workflows/{id}/remind-now</c>,
    /// <c>expire-now</c>): their orchestrations carry the permission in their input and honour those events; all others
    /// ignore them. Only LinX.Local's Development settings turn it on, and LinX.Local turns it off outside Development.
    /// </summary>
    public bool DevTimeTravel { get; set; }
}
