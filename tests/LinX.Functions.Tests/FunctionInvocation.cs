using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace LinX.Functions.Tests;

/// <summary>
/// One function invocation as the worker runs it: its own DI scope (<see cref="FunctionContext.InstanceServices"/>, which
/// the ASP.NET Core integration also makes <see cref="HttpContext.RequestServices"/>) and its <c>[DurableClient]</c>
/// binding's client, <see cref="Client"/>, recorded by <see cref="Durable"/>.
/// </summary>
public sealed class FunctionInvocation : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    public FunctionInvocation(AsyncServiceScope scope) => _scope = scope;

    public IServiceProvider Services => _scope.ServiceProvider;

    public DurableClientRecorder Durable { get; } = new();

    /// <summary>What the <c>[DurableClient]</c> parameter receives.</summary>
    public DurableTaskClient Client => Durable.BoundClient;

    /// <summary>A real <see cref="DefaultHttpContext"/> on this invocation's services, with a JSON body when given.</summary>
    public HttpRequest Request(string method, string path, string? json = null, string? apiKey = null, string? cookie = null)
    {
        var http = new DefaultHttpContext { RequestServices = Services, TraceIdentifier = "functions-test" };
        var request = http.Request;
        request.Method = method;
        request.Scheme = "https";
        request.Host = new HostString("linx.example.test");
        var query = path.IndexOf('?', StringComparison.Ordinal);
        request.Path = query < 0 ? path : path[..query];
        request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        if (apiKey is not null)
        {
            request.Headers.Authorization = "Bearer " + apiKey;
        }

        if (cookie is not null)
        {
            request.Headers.Cookie = cookie;
        }

        var body = Encoding.UTF8.GetBytes(json ?? string.Empty);
        request.Body = new MemoryStream(body);
        request.ContentLength = body.Length;
        if (json is not null)
        {
            request.ContentType = "application/json";
        }

        http.Response.Body = new MemoryStream();
        return request;
    }

    /// <summary>A strict <see cref="FunctionContext"/>: the invocation's services and cancellation, nothing else.</summary>
    public FunctionContext FunctionContext()
    {
        var context = new Mock<FunctionContext>(MockBehavior.Strict);
        context.SetupGet(c => c.InstanceServices).Returns(Services);
        context.SetupGet(c => c.CancellationToken).Returns(CancellationToken.None);
        return context.Object;
    }

    /// <summary>Runs an HTTP function and executes its result as the ASP.NET Core integration does.</summary>
    public static async Task<TestResponse> RunAsync(HttpRequest request, Func<HttpRequest, Task<IResult>> function)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(function);
        return await ExecuteAsync(request, await function(request));
    }

    /// <summary>Executes <paramref name="result"/> on the request's response and reads what was written.</summary>
    public static async Task<TestResponse> ExecuteAsync(HttpRequest request, IResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var http = request.HttpContext;
        await result.ExecuteAsync(http);
        return TestResponse.Read(http.Response);
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
