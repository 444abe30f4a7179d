using System.Text.Json;
using LinX.Core.Gateway;
using LinX.Core.Workflows;

namespace LinX.Core.Webhooks;

/// <summary>The body of create and update: <c>{ url, eventTypes: [...], description? }</c>, with every problem found.</summary>
public sealed record WebhookSubscriptionRequest(Uri? Url, IReadOnlyList<string> EventTypes, string? Description, IReadOnlyList<FieldError> Errors)
{
    public const int MaxDescriptionLength = 200;

    private static readonly string[] Known = ["url", "eventTypes", "description"];

    public static WebhookSubscriptionRequest Parse(ReadOnlyMemory<byte> body, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var document = JsonBody.Parse(body, out var error);
        if (document is null)
        {
            return new WebhookSubscriptionRequest(null, [], null, [error!]);
        }

        var root = document.RootElement;
        var errors = new List<FieldError>();
        foreach (var property in root.EnumerateObject().Where(p => !Known.Contains(p.Name, StringComparer.Ordinal)))
        {
            errors.Add(new FieldError("$." + property.Name, $"'{property.Name}' is not a known property.", WorkflowErrorCodes.UnknownField));
        }

        Uri? url = null;
        if (!root.TryGetProperty("url", out var urlElement) || urlElement.ValueKind != JsonValueKind.String)
        {
            errors.Add(new FieldError("$.url", "'url' is required and must be a string.", WorkflowErrorCodes.FieldRequired));
        }
        else
        {
            url = WebhookUrlRules.Parse(urlElement.GetString(), options.AllowLoopback, options.AllowPrivateNetworks, out var problem);
            if (problem is not null)
            {
                errors.Add(new FieldError("$.url", problem, WorkflowErrorCodes.InvalidValue));
            }
        }

        var types = new List<string>();
        if (!root.TryGetProperty("eventTypes", out var typesElement) || typesElement.ValueKind != JsonValueKind.Array || typesElement.GetArrayLength() == 0)
        {
            errors.Add(new FieldError("$.eventTypes", "'eventTypes' is required: a non-empty array of event types.", WorkflowErrorCodes.FieldRequired));
        }
        else
        {
            var index = 0;
            foreach (var item in typesElement.EnumerateArray())
            {
                var type = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
                if (type is null || !WebhookEventTypes.IsKnown(type))
                {
                    errors.Add(new FieldError(
                        $"$.eventTypes[{index}]", "Unknown event type; use one of " + string.Join(", ", WebhookEventTypes.All) + ".", WorkflowErrorCodes.InvalidValue));
                }
                else if (!types.Contains(type, StringComparer.Ordinal))
                {
                    types.Add(type);
                }

                index++;
            }
        }

        string? description = null;
        if (root.TryGetProperty("description", out var descriptionElement) && descriptionElement.ValueKind != JsonValueKind.Null)
        {
            description = descriptionElement.ValueKind == JsonValueKind.String ? descriptionElement.GetString()?.Trim() : null;
            if (description is null || description.Length > MaxDescriptionLength || description.Any(char.IsControl))
            {
                errors.Add(new FieldError(
                    "$.description", $"'description' must be text of at most {MaxDescriptionLength} characters.", WorkflowErrorCodes.InvalidValue));
                description = null;
            }
        }

        return new WebhookSubscriptionRequest(url, types, description, errors);
    }
}
