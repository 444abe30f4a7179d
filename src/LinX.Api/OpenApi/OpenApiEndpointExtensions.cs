using LinX.Api.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace LinX.Api.OpenApi;

/// <summary>
/// What documents a LinX route in the OpenAPI document: what it reads, every answer it gives, how it is authenticated.
/// Each method adds endpoint metadata (the framework's own where it has some: <see cref="ProducesResponseTypeMetadata"/>,
/// <c>Accepts</c>, <c>WithSummary</c>); the transformers of <see cref="LinXOpenApiServiceCollectionExtensions.AddLinXOpenApi"/>
/// read the rest. They apply to a route or a group of any route table, whichever host maps it.
/// </summary>
public static class OpenApiEndpointExtensions
{
    public const string JsonContentType = "application/json";

    /// <summary>
    /// A business operation: the API key (<c>Authorization: Bearer</c>) is required, and besides its own answers it can
    /// answer 401 (no valid key), 429 (rate limited), 500 and 503 (storage did not answer in time).
    /// </summary>
    public static TBuilder DocumentedAsBusinessApi<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequiresSecurityScheme(LinXOpenApiServiceCollectionExtensions.ApiKeyScheme)
            .RespondsProblem(StatusCodes.Status401Unauthorized, "No valid API key: send Authorization: Bearer <key>.")
            .RespondsProblem(StatusCodes.Status429TooManyRequests, "Too many requests for this API key or client address; retry after Retry-After seconds.")
            .RespondsWithFaults();

    /// <summary>The route requires the security scheme <paramref name="scheme"/> (one of <see cref="LinXDocumentTransformer.SecuritySchemes"/>).</summary>
    public static TBuilder RequiresSecurityScheme<TBuilder>(this TBuilder builder, string scheme)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new OpenApiSecurityMetadata(scheme));

    /// <summary>The answers any route can give: 500 (a fault on LinX's side) and 503 (storage or the durable backend did not answer).</summary>
    public static TBuilder RespondsWithFaults<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RespondsProblem(StatusCodes.Status500InternalServerError, "A fault on LinX's side; quote the traceId to support.")
            .RespondsProblem(StatusCodes.Status503ServiceUnavailable, "Storage or the durable backend did not answer in time; retry after Retry-After seconds.");

    /// <summary>A JSON body of the shape <typeparamref name="T"/>, and the 400 and 415 answers of every JSON body.</summary>
    /// <param name="builder">The route.</param>
    /// <param name="badRequest">What makes the body a 400 for this route (malformed JSON, oversize, rule violations).</param>
    public static RouteHandlerBuilder ReadsJson<T>(this RouteHandlerBuilder builder, string badRequest)
        where T : notnull =>
        builder.Accepts<T>(JsonContentType)
            .RespondsProblem(StatusCodes.Status400BadRequest, badRequest)
            .RespondsProblem(StatusCodes.Status415UnsupportedMediaType, "The body is not JSON: send Content-Type: application/json.");

    /// <summary>A success answer with a JSON body of the shape <typeparamref name="T"/>.</summary>
    public static RouteHandlerBuilder Responds<T>(this RouteHandlerBuilder builder, int status, string description) =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(T), [JsonContentType]) { Description = description });

    /// <summary>An answer without a body (202 of a command, 204 of a delete).</summary>
    public static RouteHandlerBuilder RespondsEmpty(this RouteHandlerBuilder builder, int status, string description) =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(void), []) { Description = description });

    /// <summary>An error answer: <c>application/problem+json</c> with LinX's problem details (<see cref="ProblemBody"/>).</summary>
    public static TBuilder RespondsProblem<TBuilder>(this TBuilder builder, int status, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemBody), [ProblemResults.ContentType]) { Description = description });

    /// <summary>404 for an id of the route: unknown, another business's, or not a UUID (existence is not disclosed).</summary>
    public static RouteHandlerBuilder RespondsNotFound(this RouteHandlerBuilder builder, string what) =>
        builder.RespondsProblem(StatusCodes.Status404NotFound, $"No such {what} for this business (also another business's, or an id that is not a UUID).");

    /// <summary>The answers of a route that reads one thing by id: 200 with it (<typeparamref name="T"/>), or 404 (<see cref="RespondsNotFound"/>).</summary>
    public static RouteHandlerBuilder RespondsOkOrNotFound<T>(this RouteHandlerBuilder builder, string ok, string what) =>
        builder.Responds<T>(StatusCodes.Status200OK, ok).RespondsNotFound(what);

    /// <summary>400 for a listing whose query parameters break their rules.</summary>
    public static RouteHandlerBuilder RespondsInvalidQuery(this RouteHandlerBuilder builder) =>
        builder.RespondsProblem(StatusCodes.Status400BadRequest, "A query parameter is invalid; errors names each.");

    /// <summary>A query, header or path parameter the handler reads itself (so the framework cannot infer it).</summary>
    public static RouteHandlerBuilder WithParameter(
        this RouteHandlerBuilder builder, ParameterLocation location, string name, string description, Func<OpenApiSchema> schema, bool required = false) =>
        builder.WithMetadata(new OpenApiParameterMetadata(location, name, description, schema, required));

    /// <summary>A header of an answer (<c>Location</c> of a create, <c>Retry-After</c> of a running instance).</summary>
    public static RouteHandlerBuilder WithResponseHeader(
        this RouteHandlerBuilder builder, int status, string name, string description, JsonSchemaType type = JsonSchemaType.String) =>
        builder.WithMetadata(new OpenApiResponseHeaderMetadata(status, name, description, type));

    /// <summary>Named examples of the request body (seed requests), shown by the reference page and usable by generators.</summary>
    public static RouteHandlerBuilder WithRequestExamples(this RouteHandlerBuilder builder, IReadOnlyList<OpenApiRequestExample> examples) =>
        builder.WithMetadata(new OpenApiRequestExamplesMetadata(examples));
}

/// <summary>The security scheme a route requires; the operation transformer writes it as the operation's requirement.</summary>
public sealed record OpenApiSecurityMetadata(string Scheme);

/// <summary>A parameter the handler reads from the request itself; <see cref="Schema"/> makes a fresh schema per document.</summary>
public sealed record OpenApiParameterMetadata(ParameterLocation In, string Name, string Description, Func<OpenApiSchema> Schema, bool Required);

/// <summary>A header of the answers with status <see cref="Status"/>.</summary>
public sealed record OpenApiResponseHeaderMetadata(int Status, string Name, string Description, JsonSchemaType Type);

/// <summary>One named example of a request body.</summary>
public sealed record OpenApiRequestExample(string Name, string Summary, string Json);

/// <summary>The named examples of a route's request body.</summary>
public sealed record OpenApiRequestExamplesMetadata(IReadOnlyList<OpenApiRequestExample> Examples);
