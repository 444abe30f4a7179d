using System.Text.Json.Serialization;

namespace LinX.Core.SmsOptOuts;

/// <summary>How a number came to opt out: the business added it through its API, or the customer replied STOP.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SmsOptOutSource>))]
public enum SmsOptOutSource
{
    [JsonStringEnumMemberName("API")] Api,
    [JsonStringEnumMemberName("SMS")] Sms,
}
