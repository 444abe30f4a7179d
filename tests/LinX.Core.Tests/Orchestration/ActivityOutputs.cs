using System.Globalization;
using System.Text.Json;
using LinX.Core.Activities;
using LinX.Core.Payments;
using LinX.Core.Security;

namespace LinX.Core.Tests.Orchestration;

/// <summary>Canned activity outputs in the real contract types, shared by the scripted and the replay tests.</summary>
internal static class ActivityOutputs
{
    public static readonly DateTimeOffset SentAt = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static SendNotificationOutput Sent(SendNotificationInput input) =>
        new(input.Serial, input.Origin, SentAt, true, "msg-" + input.Serial.ToString(CultureInfo.InvariantCulture));

    public static StepActivityOutput Found(Guid id) => new(id, true, Seal(new Dictionary<string, string> { ["id"] = id.ToString("D") }));

    public static StepActivityOutput NotFound(Guid id) => new(id, false, null);

    public static TransactionOutput Transaction(Guid id, TransactionStatus status, DateTime? settleAt = null, string? reason = null) =>
        new(id, status, settleAt, reason, Seal(new Dictionary<string, string> { ["status"] = status.ToString().ToUpperInvariant() }));

    /// <summary>What EnhanceProfile answers: the workflow's customer, its step data masked and sealed.</summary>
    public static StepActivityOutput Enhanced(EnhanceProfileInput input) =>
        new(input.CustomerId, true, Seal(new Dictionary<string, string> { ["salutation"] = "DR" }));

    /// <summary>What AcceptDocuments answers: the step's documents with the version and SHA-256 each was accepted at.</summary>
    public static StepActivityOutput Accepted(AcceptDocumentsInput input) =>
        new(input.WorkflowId, true, Seal(StepData.Documents(input.Step, SentAt)));

    /// <summary>
    /// Stands in for a step activity's sealing (<see cref="StepData.Seal"/>): a value the orchestrator can only pass on,
    /// and the tests open without a key (<see cref="Open"/>). The sealing itself is tested with the real key.
    /// </summary>
    public static Sealed<IReadOnlyDictionary<string, string>> Seal(IReadOnlyDictionary<string, string> data) =>
        new(SealedPrefix + JsonSerializer.Serialize(data));

    public static IReadOnlyDictionary<string, string> Open(Sealed<IReadOnlyDictionary<string, string>> data) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(data.Cipher[SealedPrefix.Length..])!;

    private const string SealedPrefix = "sealed:";
}
