using System.Text.Json.Serialization;

namespace LinX.Core.Batches;

/// <summary>
/// A batch's status (RocketKOR's names): NEW (stored, not yet picked up), QUEUED (its entries are being started),
/// COMPLETED (every entry was processed), INVALID (every entry was rejected), CANCELLING (cancelled by the business: no
/// entry starts any more and the started workflows are cancelled), FAILED (the batch could not be processed).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<BatchStatus>))]
public enum BatchStatus
{
    [JsonStringEnumMemberName("NEW")] New,
    [JsonStringEnumMemberName("QUEUED")] Queued,
    [JsonStringEnumMemberName("COMPLETED")] Completed,
    [JsonStringEnumMemberName("INVALID")] Invalid,
    [JsonStringEnumMemberName("CANCELLING")] Cancelling,
    [JsonStringEnumMemberName("FAILED")] Failed,
}
