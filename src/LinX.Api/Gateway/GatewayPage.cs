using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace LinX.Api.Gateway;

/// <summary>
/// Serves the customer's Gateway page and its assets from embedded resources, with headers that keep
/// the link token out of referrers and caches and allow no third-party script or framing.
/// </summary>
public static class GatewayPage
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    // The page, its stylesheet, its scripts (run in this order by the page) and its words in each locale it speaks.
    private static readonly FrozenDictionary<string, (byte[] Content, string ContentType)> Assets = new Dictionary<string, (byte[], string)>
    {
        ["gateway.html"] = (Load("gateway.html"), "text/html; charset=utf-8"),
        ["gateway.css"] = (Load("gateway.css"), "text/css; charset=utf-8"),
        ["gateway-i18n.js"] = (Load("gateway-i18n.js"), "text/javascript; charset=utf-8"),
        ["gateway-ui.js"] = (Load("gateway-ui.js"), "text/javascript; charset=utf-8"),
        ["gateway-brand.js"] = (Load("gateway-brand.js"), "text/javascript; charset=utf-8"),
        ["gateway-steps.js"] = (Load("gateway-steps.js"), "text/javascript; charset=utf-8"),
        ["gateway-inputs.js"] = (Load("gateway-inputs.js"), "text/javascript; charset=utf-8"),
        ["gateway-money.js"] = (Load("gateway-money.js"), "text/javascript; charset=utf-8"),
        ["gateway.js"] = (Load("gateway.js"), "text/javascript; charset=utf-8"),
        ["strings.en.json"] = (Load("strings.en.json"), "application/json; charset=utf-8"),
        ["strings.fr-CA.json"] = (Load("strings.fr-CA.json"), "application/json; charset=utf-8"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary><c>GET /linx/{token}</c>: the page; the token is read by the page's script from the URL.</summary>
    public static IResult Page(HttpContext context) => Serve(context, "gateway.html");

    /// <summary><c>GET /linx/assets/{file}</c>: the page's stylesheet, scripts and strings (<c>strings.{locale}.json</c>).</summary>
    public static IResult Asset(HttpContext context, string file) =>
        Assets.ContainsKey(file) && file != "gateway.html" ? Serve(context, file) : Results.NotFound();

    private static IResult Serve(HttpContext context, string name)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-store";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        var (content, contentType) = Assets[name];
        return Results.Bytes(content, contentType);
    }

    private static byte[] Load(string name)
    {
        using var stream = typeof(GatewayPage).Assembly.GetManifestResourceStream("LinX.Gateway." + name)
            ?? throw new InvalidOperationException($"Embedded Gateway asset '{name}' is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
