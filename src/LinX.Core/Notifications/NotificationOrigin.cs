using System.Text.Json.Serialization;

namespace LinX.Core.Notifications;

/// <summary>Why an SMS was sent.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NotificationOrigin>))]
public enum NotificationOrigin
{
    [JsonStringEnumMemberName("INITIAL")] Initial,
    [JsonStringEnumMemberName("MANUAL")] Manual,
    [JsonStringEnumMemberName("REMINDER")] Reminder,
    [JsonStringEnumMemberName("EXPIRY")] Expiry,
}
