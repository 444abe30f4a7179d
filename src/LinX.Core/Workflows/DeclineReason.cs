using System.Text.Json.Serialization;

namespace LinX.Core.Workflows;

/// <summary>Why the customer declined a workflow.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeclineReason>))]
public enum DeclineReason
{
    [JsonStringEnumMemberName("DONT_KNOW_BUSINESS_SENDER")] DontKnowBusinessSender,
    [JsonStringEnumMemberName("INCORRECT_INFORMATION")] IncorrectInformation,
    [JsonStringEnumMemberName("NOT_INTERESTED")] NotInterested,
    [JsonStringEnumMemberName("OTHER")] Other,
}
