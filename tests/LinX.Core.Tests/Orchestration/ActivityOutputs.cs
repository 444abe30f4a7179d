using System.Globalization;
using LinX.Core.Activities;
using LinX.Core.Payments;

namespace LinX.Core.Tests.Orchestration;

/// <summary>Canned activity outputs in the real contract types, shared by the scripted and the replay tests.</summary>
internal static class ActivityOutputs
{
    public static readonly DateTimeOffset SentAt = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static SendNotificationOutput Sent(SendNotificationInput input) =>
        new(input.Serial, input.Origin, SentAt, true, "msg-" + input.Serial.ToString(CultureInfo.InvariantCulture));

    public static StepActivityOutput Found(Guid id) => new(id, true, new Dictionary<string, string> { ["id"] = id.ToString("D") });

    public static StepActivityOutput NotFound(Guid id) => new(id, false, new Dictionary<string, string>());

    public static TransactionOutput Transaction(Guid id, TransactionStatus status, DateTime? settleAt = null, string? reason = null) =>
        new(id, status, settleAt, reason, new Dictionary<string, string> { ["status"] = status.ToString().ToUpperInvariant() });
}
