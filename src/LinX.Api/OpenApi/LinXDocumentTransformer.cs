using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LinX.Api.OpenApi;

/// <summary>
/// The document as a whole: what LinX is and how to call it, the security schemes routes require, the tags' descriptions, and
/// no <c>servers</c> (the document then describes the host that serves it, whichever port it listens on).
/// </summary>
internal sealed class LinXDocumentTransformer : IOpenApiDocumentTransformer
{
    private const string Overview =
        """
        LinX runs customer workflows for a business: the business posts a workflow request, LinX texts the customer a link, the customer completes the steps on the LinX Gateway page, and LinX creates the customer account, the financial account and the transaction.

        Authentication: every business operation takes the business's API key as `Authorization: Bearer <key>`. Another business's resource answers 404.

        Errors: every error is `application/problem+json` (RFC 9457) with `status`, `title`, `detail`, `traceId`, a stable `errorCode`, and `errors`, every problem found, each with a JSON `path`, a `message` and its own `errorCode`. Clients branch on the codes, never on the messages.

        Retries: a 429 or 503 carries `Retry-After`. A create retried with the same Idempotency-Key and body never makes a second workflow.
        """;

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Business API"] = "Workflows and what they create: create, read, search, cancel, resend, extend; customers, financial accounts, transactions, payment reasons.",
        ["Webhooks"] = "Webhook subscriptions: signed event deliveries to the business, their log and redelivery.",
        ["Durable management"] = "The Durable Functions HTTP management API of a workflow's orchestration instance: same routes, shapes and status codes, with the business's API key.",
        ["Health"] = "Liveness and readiness probes; no key.",
        ["Admin"] = "Onboarding, with the admin key: businesses, their profile and bank accounts, and their API keys (created, listed, rotated with an overlap, revoked).",
    };

    /// <summary>The security schemes routes may require (<see cref="OpenApiEndpointExtensions.RequiresSecurityScheme"/>), by id.</summary>
    public static IReadOnlyDictionary<string, Func<OpenApiSecurityScheme>> SecuritySchemes { get; } = new Dictionary<string, Func<OpenApiSecurityScheme>>(StringComparer.Ordinal)
    {
        [LinXOpenApiServiceCollectionExtensions.ApiKeyScheme] = () => new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "LinX API key",
            Description = "The business's API key: Authorization: Bearer <key>. LinX.Local prints the demo business's key at start.",
        },
        [LinXOpenApiServiceCollectionExtensions.AdminKeyScheme] = () => new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "LinX admin key",
            Description = "The operator's admin key (LinX:Admin:ApiKeyHashes holds its SHA-256): Authorization: Bearer <admin key>. A business API key is not one. LinX.Local prints one at start in Development.",
        },
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo { Title = "LinX API", Version = "v1", Description = Overview };
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        foreach (var (id, scheme) in SecuritySchemes)
        {
            document.Components.SecuritySchemes[id] = scheme();
        }

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        return Task.CompletedTask;
    }
}
