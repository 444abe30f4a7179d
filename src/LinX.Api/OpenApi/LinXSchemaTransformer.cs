using System.Text.Json.Serialization.Metadata;
using LinX.Core.Orchestration;
using LinX.Core.Webhooks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LinX.Api.OpenApi;

/// <summary>
/// Makes each schema say what the wire JSON holds: a property LinX always writes is <c>required</c> (a record's
/// constructor parameters, unless written only when not null), the workflow contract's constraints
/// (<see cref="WorkflowRequestSchema"/>), and the allowed values of the bodies read by hand.
/// </summary>
internal sealed class LinXSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // XML doc comments arrive XML-escaped ("A -&gt; B"): the document's text is plain.
        schema.Description = OpenApiText.Plain(schema.Description);
        var typeInfo = context.JsonTypeInfo;
        // An object's own schema (also when it is reached as a property's: JsonPropertyInfo is then the property).
        if (typeInfo.Kind != JsonTypeInfoKind.Object || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (!schema.Properties.TryGetValue(property.Name, out var propertySchema))
            {
                continue;
            }

            if (propertySchema is OpenApiSchemaReference reference)
            {
                reference.Description = OpenApiText.Plain(reference.Description);
            }
            else if (propertySchema is OpenApiSchema inline)
            {
                inline.Description = OpenApiText.Plain(inline.Description);
                WrittenAsNumber(inline, property);
            }

            if (AlwaysWritten(property))
            {
                schema.Required ??= new SortedSet<string>(StringComparer.Ordinal);
                schema.Required.Add(property.Name);
            }
        }

        WorkflowRequestSchema.Apply(schema, typeInfo.Type);
        if (typeInfo.Type == typeof(WebhookSubscriptionRequestBody) && schema.Properties["eventTypes"] is OpenApiSchema { Items: OpenApiSchema item } types)
        {
            types.MinItems = 1;
            item.Enum = EnumWireNames.AsEnum(WebhookEventTypes.All);
        }
        else if (typeInfo.Type == typeof(WorkflowEventRequest) && schema.Properties["kind"] is OpenApiSchema kind)
        {
            kind.Enum = EnumWireNames.AsEnum([nameof(WorkflowEventKind.Cancel), nameof(WorkflowEventKind.Resend), nameof(WorkflowEventKind.Extend)]);
        }

        return Task.CompletedTask;
    }

    // A record's constructor parameter, unless it is left out when null (JsonIgnore WhenWritingNull sets ShouldSerialize).
    private static bool AlwaysWritten(JsonPropertyInfo property) =>
        property.AssociatedParameter is not null && property.ShouldSerialize is null;

    // The web defaults read numbers from strings too, so the exporter offers "integer or string": LinX writes numbers, and
    // the fields that take either (expireIn, amount) say so themselves (their converter, WorkflowRequestSchema).
    private static void WrittenAsNumber(OpenApiSchema schema, JsonPropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (property.CustomConverter is null && (type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double))
            && schema.Type is { } flags && flags.HasFlag(JsonSchemaType.String))
        {
            schema.Type = flags & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
    }
}
