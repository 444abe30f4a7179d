using Azure;
using LinX.Api.Problems;
using LinX.Functions.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace LinX.Functions.Tests.Problems;

public sealed class ExceptionProblemsMiddlewareTests
{
    // Where the worker's ASP.NET Core integration puts an HTTP invocation's HttpContext (FunctionContext.GetHttpContext reads it).
    private const string HttpContextKey = "HttpRequestContext";

    private readonly ExceptionProblemsMiddleware _middleware = new();

    [Fact]
    public async Task Invoke_HttpFunctionThrowsAStorageFault_Answers503ProblemWithRetryAfter()
    {
        var http = NewHttpContext();

        await _middleware.Invoke(HttpInvocation(http), _ => throw new RequestFailedException(0, "Connection refused"));

        var response = TestResponse.Read(http.Response);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, response.Status);
        Assert.Equal(ProblemResults.ContentType, response.ContentType);
        Assert.Equal("5", response.Headers.RetryAfter.ToString());
        Assert.Equal(ApiErrorCodes.ServiceUnavailable, response.ErrorCode);
    }

    [Fact]
    public async Task Invoke_HttpFunctionThrowsAnythingElse_Answers500ProblemThatDisclosesNothing()
    {
        var http = NewHttpContext();

        await _middleware.Invoke(HttpInvocation(http), _ => throw new InvalidOperationException("secret detail"));

        var response = TestResponse.Read(http.Response);
        Assert.Equal(StatusCodes.Status500InternalServerError, response.Status);
        Assert.Equal(ApiErrorCodes.InternalError, response.ErrorCode);
        Assert.DoesNotContain("secret", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_HttpFunctionWhoseResponseHasStarted_Rethrows()
    {
        var http = NewHttpContext();
        http.Features.Set<IHttpResponseFeature>(new StartedResponse());
        var fault = new RequestFailedException(503, "Server busy");

        var thrown = await Assert.ThrowsAsync<RequestFailedException>(() => _middleware.Invoke(HttpInvocation(http), _ => throw fault));

        Assert.Same(fault, thrown);
    }

    [Fact]
    public async Task Invoke_ActivityOrOrchestratorThrows_RethrowsForDurableFunctionsToRecord()
    {
        var context = new Mock<FunctionContext>(MockBehavior.Strict);
        context.SetupGet(c => c.Items).Returns(new Dictionary<object, object>());
        var fault = new RequestFailedException(0, "Connection refused");

        var thrown = await Assert.ThrowsAsync<RequestFailedException>(() => _middleware.Invoke(context.Object, _ => throw fault));

        Assert.Same(fault, thrown);
    }

    [Fact]
    public async Task Invoke_FunctionSucceeds_LeavesTheResponseAsTheFunctionWroteIt()
    {
        var http = NewHttpContext();

        await _middleware.Invoke(HttpInvocation(http), _ =>
        {
            http.Response.StatusCode = StatusCodes.Status202Accepted;
            return Task.CompletedTask;
        });

        Assert.Equal(StatusCodes.Status202Accepted, http.Response.StatusCode);
        Assert.Equal(0, http.Response.Body.Length);
    }

    [Fact]
    public void Host_AsProgramBuildsIt_RunsTheMiddleware()
    {
        using var host = LinXFunctionsApplication.Create([], builder => builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>(FunctionsHostFixture.Settings("UseDevelopmentStorage=true", "Middleware")) { ["LinX:Sms:Provider"] = "DevInbox" }));

        // UseMiddleware registers the middleware as the singleton each invocation resolves.
        Assert.NotNull(host.Services.GetService<ExceptionProblemsMiddleware>());
    }

    private static DefaultHttpContext NewHttpContext() => new()
    {
        RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider(),
        TraceIdentifier = "middleware-test",
        Response = { Body = new MemoryStream() },
    };

    private static FunctionContext HttpInvocation(HttpContext http)
    {
        var context = new Mock<FunctionContext>(MockBehavior.Strict);
        context.SetupGet(c => c.Items).Returns(new Dictionary<object, object> { [HttpContextKey] = http });
        return context.Object;
    }

    /// <summary>A response whose headers have gone out.</summary>
    private sealed class StartedResponse : HttpResponseFeature
    {
        public override bool HasStarted => true;
    }
}
