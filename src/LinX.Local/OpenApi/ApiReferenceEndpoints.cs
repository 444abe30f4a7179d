using System.Security.Cryptography;
using LinX.Api.OpenApi;
using Scalar.AspNetCore;

namespace LinX.Local.OpenApi;

/// <summary>
/// The human-readable API reference at <c>/api-reference</c>: Scalar, rendering <c>/openapi/v1.json</c>, its script served
/// by LinX from the package (never a CDN), without the fonts, telemetry, AI agent or proxy it would fetch from elsewhere,
/// under a Content-Security-Policy that allows this origin only and the page's inline script by a per-request nonce.
/// </summary>
public static class ApiReferenceEndpoints
{
    public const string Route = "/api-reference";

    public static IEndpointRouteBuilder MapLinXApiReference(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference(Route, (options, http) =>
        {
            // A fresh nonce for each answer (the options are built per request), in hex: nothing to escape in HTML.
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            options.WithTitle("LinX API reference")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddDocument(LinXOpenApiServiceCollectionExtensions.DocumentName)
                .WithNonce(nonce)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .AddPreferredSecuritySchemes([LinXOpenApiServiceCollectionExtensions.ApiKeyScheme]);
            // Its developer toolbar shares and deploys the document through Scalar's servers: not from here.
            options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
            // Scripts: this origin and the page's own nonce. Styles need 'unsafe-inline': Scalar's components set inline styles
            // at run time (no nonce reaches them), and styles cannot run code.
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy =
                $"default-src 'none'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; " +
                "font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
        });
        return app;
    }
}
