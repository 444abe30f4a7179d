using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LinX.Api.OpenApi;

/// <summary>
/// Applies the metadata of <see cref="OpenApiEndpointExtensions"/> to each operation: the security requirement, the
/// parameters the handler reads itself, the ids of paths, response headers and request examples.
/// </summary>
internal sealed class LinXOperationTransformer : IOpenApiOperationTransformer
{
    private const string IdDescription = "A UUID. One that is not, is unknown, or belongs to another business answers 404.";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;

        // The route's own summary and description win over the handler's XML doc comment, which says what the code does.
        operation.Summary = OpenApiText.Plain(metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary ?? operation.Summary);
        operation.Description = OpenApiText.Plain(metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description ?? operation.Description);
        DescribeResponses(operation, metadata.OfType<IProducesResponseTypeMetadata>());
        if (metadata.OfType<OpenApiSecurityMetadata>().LastOrDefault() is { } security)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(security.Scheme, context.Document)] = [] }];
        }

        DescribeIds(operation);
        foreach (var parameter in metadata.OfType<OpenApiParameterMetadata>())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = parameter.In,
                Description = parameter.Description,
                Required = parameter.Required,
                Schema = parameter.Schema(),
            });
        }

        AddHeaders(operation, metadata.OfType<OpenApiResponseHeaderMetadata>());
        SortResponses(operation);
        if (metadata.OfType<OpenApiRequestExamplesMetadata>().FirstOrDefault() is { } examples
            && operation.RequestBody?.Content?.TryGetValue(OpenApiEndpointExtensions.JsonContentType, out var body) == true)
        {
            body.Examples = examples.Examples.ToDictionary(
                e => e.Name, e => (IOpenApiExample)new OpenApiExample { Summary = e.Summary, Value = JsonNode.Parse(e.Json) }, StringComparer.Ordinal);
        }

        return Task.CompletedTask;
    }

    // Every id in a LinX path is a UUID parsed by hand (RouteIds), so that a malformed one is a 404, never a 500.
    private static void DescribeIds(OpenApiOperation operation)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>()
            .Where(p => p.In == ParameterLocation.Path && p.Name is { } name && (name == "id" || name.EndsWith("Id", StringComparison.Ordinal))))
        {
            parameter.Description ??= IdDescription;
            if (parameter.Schema is OpenApiSchema schema)
            {
                schema.Format = "uuid";
            }
        }
    }

    // What each answer means on this route (the route's own after its group's); the framework writes only the reason phrase.
    private static void DescribeResponses(OpenApiOperation operation, IEnumerable<IProducesResponseTypeMetadata> answers)
    {
        foreach (var answer in answers.Where(a => a.Description is not null))
        {
            if (operation.Responses?.TryGetValue(answer.StatusCode.ToString(CultureInfo.InvariantCulture), out var found) == true && found is OpenApiResponse response)
            {
                response.Description = answer.Description;
            }
        }
    }

    // By status code, success first: the order a reader looks for them in (the group's shared answers come first otherwise).
    private static void SortResponses(OpenApiOperation operation)
    {
        if (operation.Responses is not { Count: > 1 } responses)
        {
            return;
        }

        var sorted = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (status, response) in sorted)
        {
            responses.Add(status, response);
        }
    }

    // Headers every answer of a status carries (ProblemResults sets them), then the route's own.
    private static void AddHeaders(OpenApiOperation operation, IEnumerable<OpenApiResponseHeaderMetadata> routeHeaders)
    {
        OpenApiResponseHeaderMetadata[] common =
        [
            new(StatusCodes.Status401Unauthorized, "WWW-Authenticate", "Bearer: the API key scheme.", JsonSchemaType.String),
            new(StatusCodes.Status429TooManyRequests, "Retry-After", "Seconds to wait before the next request.", JsonSchemaType.Integer),
            new(StatusCodes.Status503ServiceUnavailable, "Retry-After", "Seconds to wait before retrying.", JsonSchemaType.Integer),
        ];
        foreach (var header in common.Concat(routeHeaders))
        {
            if (operation.Responses?.TryGetValue(header.Status.ToString(CultureInfo.InvariantCulture), out var found) == true
                && found is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                response.Headers[header.Name] = new OpenApiHeader
                {
                    Description = header.Description,
                    Schema = new OpenApiSchema { Type = header.Type },
                };
            }
        }
    }
}
