using System.Text.Json;
using System.Text.Json.Serialization;

namespace LinX.Infrastructure.Sms;

/// <summary>Body of <c>POST {endpoint}/sms?api-version=2021-03-07</c>.</summary>
internal sealed record AcsSendRequest(string From, IReadOnlyList<AcsSmsRecipient> SmsRecipients, string Message, AcsSendOptions SmsSendOptions);

/// <summary>One recipient; the repeatability fields make ACS answer a repeat with the first result instead of sending again.</summary>
internal sealed record AcsSmsRecipient(string To, string RepeatabilityRequestId, string RepeatabilityFirstSent);

internal sealed record AcsSendOptions(bool EnableDeliveryReport, string? Tag);

/// <summary>The 202 answer: one item per recipient.</summary>
internal sealed record AcsSendResponse(IReadOnlyList<AcsSendResponseItem>? Value);

internal sealed record AcsSendResponseItem(string? To, string? MessageId, int HttpStatusCode, bool Successful, string? ErrorMessage, string? RepeatabilityResult);

/// <summary>The error body of ACS data-plane APIs: <c>{ "error": { "code", "message" } }</c>.</summary>
internal sealed record AcsErrorResponse(AcsError? Error);

internal sealed record AcsError(string? Code, string? Message);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AcsSendRequest))]
[JsonSerializable(typeof(AcsSendResponse))]
[JsonSerializable(typeof(AcsErrorResponse))]
internal sealed partial class AcsSmsJson : JsonSerializerContext;

/// <summary>Reading ACS answers that may be empty, truncated or not JSON at all (a gateway's HTML page).</summary>
internal static class AcsSmsWire
{
    public const string ApiVersion = "2021-03-07";

    /// <summary>The repeatability result ACS gives a repeat it refused (too old, or not matching the first).</summary>
    public const string Rejected = "rejected";

    public static byte[] Serialize(AcsSendRequest request) => JsonSerializer.SerializeToUtf8Bytes(request, AcsSmsJson.Default.AcsSendRequest);

    /// <summary>The item of the single recipient LinX sends to, or null when the answer has none.</summary>
    public static AcsSendResponseItem? ReadItem(BinaryData? content)
    {
        try
        {
            var response = content is null || content.ToMemory().IsEmpty ? null : content.ToObjectFromJson(AcsSmsJson.Default.AcsSendResponse);
            return response?.Value is [var item, ..] ? item : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static AcsError? ReadError(BinaryData? content)
    {
        try
        {
            return content is null || content.ToMemory().IsEmpty ? null : content.ToObjectFromJson(AcsSmsJson.Default.AcsErrorResponse)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
