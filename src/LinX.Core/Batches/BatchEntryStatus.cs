using System.Text.Json.Serialization;

namespace LinX.Core.Batches;

/// <summary>
/// An entry's status: PENDING (not started yet), STARTED (its workflow exists: see its workflow status), REJECTED (it
/// broke a rule: see its field errors; never started), CANCELLED (the batch was cancelled before it started; never started).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<BatchEntryStatus>))]
public enum BatchEntryStatus
{
    [JsonStringEnumMemberName("PENDING")] Pending,
    [JsonStringEnumMemberName("STARTED")] Started,
    [JsonStringEnumMemberName("REJECTED")] Rejected,
    [JsonStringEnumMemberName("CANCELLED")] Cancelled,
}
