using LinX.Api.Problems;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Api.OpenApi;

/// <summary>Registers LinX's OpenAPI document (<c>/openapi/v1.json</c> where the host maps it) with its transformers.</summary>
public static class LinXOpenApiServiceCollectionExtensions
{
    /// <summary>The document's name: its route is <c>/openapi/{DocumentName}.json</c>.</summary>
    public const string DocumentName = "v1";

    /// <summary>The id of the API-key security scheme (HTTP bearer) that business operations require.</summary>
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>The id of the admin key's security scheme (the <c>/api/admin</c> routes).</summary>
    public const string AdminKeyScheme = "AdminKey";

    public static IServiceCollection AddLinXOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            // ProblemBody is LinX's RFC 9457 problem details: one shared component, named for what it is.
            options.CreateSchemaReferenceId = type =>
                type.Type == typeof(ProblemBody) ? "ProblemDetails" : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddSchemaTransformer<LinXSchemaTransformer>();
            options.AddOperationTransformer<LinXOperationTransformer>();
            options.AddDocumentTransformer<LinXDocumentTransformer>();
        });
}
