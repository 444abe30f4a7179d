using System.Globalization;

namespace LinX.Local;

/// <summary>
/// Where the local host listens, as ASP.NET Core documents it (<c>Kestrel:Endpoints</c>, else <c>ASPNETCORE_URLS</c>,
/// <c>--urls</c> or <c>Urls</c>, else <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c>), with <see cref="Default"/> only
/// when none is given; and, unless <c>LinX:PublicBaseUrl</c> is set, the links LinX texts on the first http address of
/// those (a wildcard host as <c>localhost</c>), so that they open this host.
/// </summary>
public static class LocalUrls
{
    /// <summary>Where the host listens when nothing says otherwise: the port Azure Functions Core Tools also use.</summary>
    public const string Default = "http://localhost:7071";

    private const string PublicBaseUrlKey = "LinX:PublicBaseUrl";

    private static readonly string[] WildcardHosts = ["*", "+", "0.0.0.0", "[::]", "::"];

    /// <summary>Applies the default address and the public base URL to <paramref name="builder"/> (after all its configuration sources).</summary>
    public static void Apply(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = Configured(builder.Configuration);
        if (configured.Count == 0)
        {
            builder.WebHost.UseUrls(Default);
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration[PublicBaseUrlKey]))
        {
            builder.Configuration.AddInMemoryCollection([new(PublicBaseUrlKey, PublicBaseUrl(configured))]);
        }
    }

    /// <summary>The configured addresses, from the setting that wins: Kestrel's endpoints, then the URLs, then the ports.</summary>
    public static IReadOnlyList<string> Configured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>().ToList();
        if (endpoints.Count > 0)
        {
            return endpoints;
        }

        var urls = Split(configuration["urls"]);
        return urls.Count > 0
            ? urls
            : [.. Split(configuration["http_ports"]).Select(p => "http://*:" + p), .. Split(configuration["https_ports"]).Select(p => "https://*:" + p)];
    }

    /// <summary>The first http address of <paramref name="addresses"/> with a known port (else the first https one, else <see cref="Default"/>).</summary>
    public static string PublicBaseUrl(IEnumerable<string> addresses)
    {
        var known = addresses.Select(ParseOrNull).OfType<BindingAddress>().Where(a => !a.IsUnixPipe && a.Port > 0).ToList();
        var http = known.FirstOrDefault(a => IsScheme(a, Uri.UriSchemeHttp));
        if ((http ?? known.FirstOrDefault(a => IsScheme(a, Uri.UriSchemeHttps))) is not { } first)
        {
            return Default;
        }

        var host = WildcardHosts.Contains(first.Host) ? "localhost" : first.Host;
        return string.Create(CultureInfo.InvariantCulture, $"{(http is null ? Uri.UriSchemeHttps : Uri.UriSchemeHttp)}://{host}:{first.Port}");
    }

    private static bool IsScheme(BindingAddress address, string scheme) => string.Equals(address.Scheme, scheme, StringComparison.OrdinalIgnoreCase);

    private static BindingAddress? ParseOrNull(string address)
    {
        try
        {
            return BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return null; // Kestrel reports it when it binds
        }
    }

    private static List<string> Split(string? value) =>
        [.. (value ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
