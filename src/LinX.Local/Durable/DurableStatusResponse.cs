using System.Text.Json;
using LinX.Core.Orchestration;

namespace LinX.Local.Durable;

/// <summary>The body of Durable Functions' "get instance status" HTTP API, field for field.</summary>
internal sealed record DurableStatusResponse(
    string Name,
    string InstanceId,
    string RuntimeStatus,
    JsonElement? Input,
    JsonElement? CustomStatus,
    JsonElement? Output,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime)
{
    public static DurableStatusResponse From(OrchestrationInstance instance) => new(
        instance.Name,
        instance.InstanceId,
        instance.RuntimeStatus.ToString(),
        Parse(instance.SerializedInput),
        Parse(instance.SerializedCustomStatus),
        instance.FailureDetails is { } failure ? JsonSerializer.SerializeToElement(failure.ErrorMessage) : Parse(instance.SerializedOutput),
        instance.CreatedAt,
        instance.LastUpdatedAt);

    private static JsonElement? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonDocument.Parse(json).RootElement.Clone();
}
