using System.Text.Json;
using LinX.Core.Common;

namespace LinX.Core.Webhooks;

/// <summary>
/// The envelope every receiver gets: <c>{ id, type, createdAt, data }</c>. <see cref="Id"/> is deterministic per
/// (workflow, version, type), so a re-run of the activity produces the same event and receivers can dedupe on it.
/// </summary>
public sealed record WebhookEvent(Guid Id, string Type, DateTimeOffset CreatedAt, object Data)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The id of the event of <paramref name="type"/> raised by update <paramref name="version"/> of a workflow.</summary>
    public static Guid IdOf(Guid workflowId, long version, string type) => DeterministicId.From(workflowId, $"webhook:{version}:{type}");

    /// <summary>The JSON body sent (and signed).</summary>
    public string ToJson() => JsonSerializer.Serialize(new { id = Id, type = Type, createdAt = CreatedAt, data = Data }, Json);
}

/// <summary>A step as events show it.</summary>
public sealed record WebhookStepView(int Index, string Name, string Status);
