using System.Text.Json;
using Microsoft.DurableTask.Client;

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
    /// <summary>From the client's metadata (read with inputs and outputs); <paramref name="showInput"/> false leaves the input out, as Durable Functions does.</summary>
    public static DurableStatusResponse From(OrchestrationMetadata instance, bool showInput) => new(
        instance.Name,
        instance.InstanceId,
        instance.RuntimeStatus.ToString(),
        showInput ? Parse(instance.SerializedInput) : null,
        Parse(instance.SerializedCustomStatus),
        instance.FailureDetails is { } failure ? JsonSerializer.SerializeToElement(failure.ErrorMessage) : Parse(instance.SerializedOutput),
        instance.CreatedAt,
        instance.LastUpdatedAt);

    private static JsonElement? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonDocument.Parse(json).RootElement.Clone();
}
