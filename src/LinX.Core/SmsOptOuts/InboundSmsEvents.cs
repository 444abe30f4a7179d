using System.Text.Json;
using LinX.Core.Gateway;
using LinX.Core.Workflows;

namespace LinX.Core.SmsOptOuts;

/// <summary>
/// Reads an Azure Event Grid delivery (Event Grid schema: a JSON array of events) of ACS SMS events, reporting every
/// problem with its path (<c>$[0].data.from</c>). Only the two event types LinX acts on are read in depth; others are
/// kept as <see cref="InboundEventKind.Other"/> and ignored.
/// </summary>
internal static class InboundSmsEvents
{
    public const string SubscriptionValidation = "Microsoft.EventGrid.SubscriptionValidationEvent";
    public const string SmsReceived = "Microsoft.Communication.SMSReceived";

    private const int MaxEvents = 100;
    private const int MaxIdLength = 200;
    private const int MaxMessageLength = 2000;

    public static IReadOnlyList<InboundEvent>? Read(ReadOnlyMemory<byte> body, List<FieldError> errors)
    {
        using var document = Parse(body, errors);
        if (document is null)
        {
            return null;
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() is 0 or > MaxEvents)
        {
            errors.Add(new FieldError("$", $"The body must be an array of 1 to {MaxEvents} Event Grid events.", WorkflowErrorCodes.InvalidType));
            return null;
        }

        var fields = JsonBody.Collect();
        var events = new List<InboundEvent>();
        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            var path = $"$[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                fields.Add(path, "An event must be an object.", WorkflowErrorCodes.InvalidType);
                continue;
            }

            events.Add(ReadEvent(item, path, fields));
        }

        errors.AddRange(fields.Errors);
        return errors.Count == 0 ? events : null;
    }

    private static InboundEvent ReadEvent(JsonElement item, string path, JsonBody fields)
    {
        var type = fields.String(item, "eventType", path + ".eventType", MaxIdLength);
        if (type is not (SubscriptionValidation or SmsReceived))
        {
            return new InboundEvent(InboundEventKind.Other, null, null, null, null);
        }

        if (!item.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            fields.Add(path + ".data", "The event's data must be an object.", WorkflowErrorCodes.InvalidType);
            return new InboundEvent(InboundEventKind.Other, null, null, null, null);
        }

        var at = path + ".data.";
        if (type == SubscriptionValidation)
        {
            return new InboundEvent(InboundEventKind.Validation, fields.String(data, "validationCode", at + "validationCode", MaxIdLength), null, null, null);
        }

        var messageId = fields.String(data, "messageId", at + "messageId", MaxIdLength);
        var from = PhoneField.Read(data, "from", at + "from", fields);
        var message = fields.String(data, "message", at + "message", MaxMessageLength, required: false) ?? string.Empty;
        return new InboundEvent(InboundEventKind.SmsReceived, null, messageId, from, message);
    }

    private static JsonDocument? Parse(ReadOnlyMemory<byte> body, List<FieldError> errors)
    {
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            errors.Add(new FieldError("$", "The body is not valid UTF-8.", WorkflowErrorCodes.InvalidEncoding));
            return null;
        }

        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            errors.Add(new FieldError("$", "The body is not valid JSON.", WorkflowErrorCodes.MalformedJson));
            return null;
        }
    }
}

/// <summary>What an inbound event is to LinX.</summary>
internal enum InboundEventKind
{
    Other,
    Validation,
    SmsReceived,
}

/// <summary>One read event: the validation code of a handshake, or the id, sender and text of a received SMS.</summary>
internal sealed record InboundEvent(InboundEventKind Kind, string? ValidationCode, string? MessageId, string? From, string? Message);
