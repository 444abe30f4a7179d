using LinX.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Xunit.Abstractions;

namespace LinX.Functions.Tests;

/// <summary>
/// LinX.Local and the Functions host serve the same URLs: every route and method LinX.Local maps under the business
/// API, the admin API, the Gateway API and page, and the Durable management API, read from its real endpoint table,
/// against the functions the Worker SDK indexed in <c>functions.metadata</c>.
/// </summary>
/// <remarks>
/// <c>/runtime/webhooks/durabletask</c> is not served by functions on Azure but by the Durable extension itself (its
/// built-in HTTP API). Parity there means: every management route LinX.Local maps is one the extension serves, with the
/// same method, and no function claims a route under <c>runtime/</c>. What differs is only who may call it: the
/// extension wants the task hub's system key and accepts any event into any instance; LinX.Local wants the business's
/// API key, checks the tenant and only cancels, resends or extends (ADR 0003, 0004).
/// </remarks>
public sealed class RouteParityTests(ITestOutputHelper output)
{
    private const string DurableManagement = "/runtime/webhooks/durabletask";

    private static readonly string[] FunctionPrefixes = ["/api/linx", "/api/admin", "/api/gateway", "/api/events", "/linx"];

    /// <summary>
    /// The Durable extension's built-in instance API (WebJobs extension, HttpApiHandler): method and path below
    /// <c>/runtime/webhooks/durabletask</c>, parameters as <c>{}</c>.
    /// </summary>
    private static readonly (string Method, string Path)[] ExtensionRoutes =
    [
        ("GET", "/instances"), ("DELETE", "/instances"),
        ("GET", "/instances/{}"), ("DELETE", "/instances/{}"),
        ("POST", "/instances/{}/terminate"), ("POST", "/instances/{}/rewind"), ("POST", "/instances/{}/restart"),
        ("POST", "/instances/{}/suspend"), ("POST", "/instances/{}/resume"),
        ("POST", "/instances/{}/raiseEvent/{}"),
        ("POST", "/orchestrators/{}"), ("POST", "/orchestrators/{}/{}"),
    ];

    [Fact]
    public void FunctionsMetadata_Build_IndexesEveryFunctionOfTheCode()
    {
        var functions = FunctionsMetadata.Load();

        Assert.Equal(
            FunctionClasses.Methods.Select(m => (FunctionClasses.NameOf(m), $"{m.DeclaringType!.FullName}.{m.Name}")).Order(),
            functions.Select(f => (f.Name, f.EntryPoint)).Order());
        foreach (var group in functions.GroupBy(f => f.Trigger.Type).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{group.Key}: {group.Count()}");
        }

        output.WriteLine($"total: {functions.Count}");
    }

    [Fact]
    public async Task LocalRoutes_UnderTheApiGatewayAndPage_AreEachServedByAFunctionWithTheSameMethod()
    {
        var local = await LocalRoutesAsync();
        var served = FunctionRoutes();

        var routes = local.Where(r => FunctionPrefixes.Any(p => r.Path == p || r.Path.StartsWith(p + "/", StringComparison.Ordinal))).ToList();
        foreach (var route in routes)
        {
            output.WriteLine($"{route.Method} {route.Path} -> {(served.TryGetValue(route, out var name) ? name : "MISSING")}");
        }

        Assert.Contains(new Route("POST", "/api/linx/workflows"), routes);
        Assert.Contains(new Route("GET", "/linx/{token}"), routes);
        Assert.DoesNotContain(routes, r => !served.ContainsKey(r));
    }

    [Fact]
    public async Task FunctionRoutes_EveryHttpFunction_IsARouteOfTheLocalHost()
    {
        var local = (await LocalRoutesAsync()).ToHashSet();

        // Except the catch-all under api/: LinX.Local answers unmatched requests with its status-code pages instead.
        Assert.DoesNotContain(
            FunctionRoutes().Where(f => f.Value != "UnmatchedApiRoute").Select(f => f.Key), r => !local.Contains(r));
    }

    [Fact]
    public async Task LocalDurableManagementRoutes_AreServedByTheDurableExtensionAndNoFunction()
    {
        var local = (await LocalRoutesAsync()).Where(r => r.Path.StartsWith(DurableManagement + "/", StringComparison.Ordinal)).ToList();

        Assert.Contains(new Route("GET", DurableManagement + "/instances/{id}"), local);
        foreach (var route in local)
        {
            var below = (route.Method, WithoutParameterNames(route.Path[DurableManagement.Length..]));
            output.WriteLine($"{route.Method} {route.Path} -> Durable extension {(ExtensionRoutes.Contains(below) ? "built-in API" : "MISSING")}");
            Assert.Contains(below, ExtensionRoutes);
        }

        Assert.DoesNotContain(FunctionRoutes().Keys, r => r.Path.StartsWith("/runtime/", StringComparison.OrdinalIgnoreCase));
    }

    private static Dictionary<Route, string> FunctionRoutes() =>
        FunctionsMetadata.Load()
            .Where(f => f.Trigger.Type == "httpTrigger")
            .SelectMany(f => f.Trigger.Methods.Select(m => (Route: new Route(m, "/" + f.Trigger.Route!.TrimStart('/')), f.Name)))
            .ToDictionary(x => x.Route, x => x.Name);

    /// <summary>The local host's endpoint table, as LinxLocalApplication builds it (never started).</summary>
    private static async Task<IReadOnlyList<Route>> LocalRoutesAsync()
    {
        var app = LinxLocalApplication.Create([]);
        try
        {
            return
            [
                .. ((IEndpointRouteBuilder)app).DataSources
                    .SelectMany(source => source.Endpoints)
                    .OfType<RouteEndpoint>()
                    .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                        .Select(method => new Route(method.ToUpperInvariant(), PathOf(endpoint.RoutePattern)))),
            ];
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static string PathOf(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => part.ToString(),
        }))));

    private static string WithoutParameterNames(string path) =>
        string.Join('/', path.Split('/').Select(segment => segment.StartsWith('{') ? "{}" : segment));

    /// <summary>A method and a path template (parameters by name).</summary>
    private sealed record Route(string Method, string Path);
}
