using System.Net.Sockets;
using System.Text.Json;
using Azure;
using Grpc.Core;
using LinX.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LinX.Api.Tests.Problems;

public sealed class ExceptionProblemsTests
{
    [Theory]
    [InlineData("storage-no-response")]
    [InlineData("storage-408")]
    [InlineData("storage-429")]
    [InlineData("storage-500")]
    [InlineData("storage-503")]
    [InlineData("storage-retries-exhausted")]
    [InlineData("storage-wrapped-by-the-durable-backend")]
    [InlineData("network-timeout")]
    [InlineData("operation-cancelled")]
    [InlineData("timeout")]
    [InlineData("grpc-unavailable")]
    [InlineData("grpc-deadline-exceeded")]
    [InlineData("grpc-resource-exhausted")]
    [InlineData("grpc-cancelled")]
    [InlineData("http-request")]
    [InlineData("socket")]
    public async Task ToResult_DependencyFault_Is503WithRetryAfterLoggedAsWarningByTypeOnly(string fault)
    {
        var (http, logs) = NewHttpContext();

        var response = await ExecuteAsync(ExceptionProblems.ToResult(http, Create(fault)), http);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, response.Status);
        Assert.Equal("5", response.RetryAfter);
        Assert.Equal(ApiErrorCodes.ServiceUnavailable, response.Body!.RootElement.GetProperty("errorCode").GetString());
        var entry = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Null(entry.Exception);
        Assert.DoesNotContain("secret", entry.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("storage-404")]
    [InlineData("storage-409")]
    [InlineData("storage-412")]
    [InlineData("grpc-unknown")]
    [InlineData("grpc-not-found")]
    [InlineData("invalid-operation")]
    [InlineData("aggregate-of-a-fault-and-a-bug")]
    public async Task ToResult_AnyOtherException_Is500LoggedAsErrorWithTheException(string failure)
    {
        var (http, logs) = NewHttpContext();
        var exception = Create(failure);

        var response = await ExecuteAsync(ExceptionProblems.ToResult(http, exception), http);

        Assert.Equal(StatusCodes.Status500InternalServerError, response.Status);
        Assert.Equal(ApiErrorCodes.InternalError, response.Body!.RootElement.GetProperty("errorCode").GetString());
        Assert.DoesNotContain("secret", response.Body.RootElement.GetRawText(), StringComparison.Ordinal);
        var entry = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Same(exception, entry.Exception);
    }

    [Fact]
    public async Task ToResult_StorageFaultWrappedInAggregate_LogsTheFaultType()
    {
        var (http, logs) = NewHttpContext();

        await ExecuteAsync(ExceptionProblems.ToResult(http, Create("storage-retries-exhausted")), http);

        Assert.Contains("Azure.RequestFailedException", Assert.Single(logs.Entries).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StatusCodes.Status400BadRequest, StatusCodes.Status400BadRequest, ApiErrorCodes.ValidationFailed)]
    [InlineData(StatusCodes.Status408RequestTimeout, StatusCodes.Status408RequestTimeout, ApiErrorCodes.ValidationFailed)]
    [InlineData(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status400BadRequest, ApiErrorCodes.BodyTooLarge)]
    [InlineData(StatusCodes.Status431RequestHeaderFieldsTooLarge, StatusCodes.Status431RequestHeaderFieldsTooLarge, ApiErrorCodes.ValidationFailed)]
    public async Task ToResult_BadHttpRequest_IsItsClientErrorProblem(int thrown, int expectedStatus, string expectedCode)
    {
        var (http, logs) = NewHttpContext();

        var response = await ExecuteAsync(ExceptionProblems.ToResult(http, new BadHttpRequestException("secret header value", thrown)), http);

        Assert.Equal(expectedStatus, response.Status);
        Assert.Equal(ProblemResults.ContentType, response.ContentType);
        Assert.Equal(expectedCode, response.Body!.RootElement.GetProperty("errorCode").GetString());
        Assert.DoesNotContain("secret", response.Body.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Theory]
    [InlineData("operation-cancelled")]
    [InlineData("grpc-cancelled")]
    public async Task ToResult_CallerWentAway_Is499WithoutBodyOrWarning(string cancellation)
    {
        var (http, logs) = NewHttpContext();
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        http.RequestAborted = aborted.Token;

        var response = await ExecuteAsync(ExceptionProblems.ToResult(http, Create(cancellation)), http);

        Assert.Equal(StatusCodes.Status499ClientClosedRequest, response.Status);
        Assert.Null(response.Body);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public void IsDependencyFault_CancellationTheCallerAskedFor_IsNoFault()
    {
        using var aborted = new CancellationTokenSource();
        aborted.Cancel();

        Assert.False(ExceptionProblems.IsDependencyFault(new OperationCanceledException(aborted.Token), aborted.Token));
        Assert.True(ExceptionProblems.IsDependencyFault(new OperationCanceledException()));
    }

    private static Exception Create(string name) => name switch
    {
        "storage-no-response" => new RequestFailedException(0, "Connection refused (127.0.0.1:10002) secret"),
        "storage-408" => new RequestFailedException(408, "secret"),
        "storage-429" => new RequestFailedException(429, "secret"),
        "storage-500" => new RequestFailedException(500, "secret"),
        "storage-503" => new RequestFailedException(503, "secret"),
        "storage-404" => new RequestFailedException(404, "secret"),
        "storage-409" => new RequestFailedException(409, "secret"),
        "storage-412" => new RequestFailedException(412, "secret"),
        // What the Azure SDK throws when every try failed (its retry policy's AggregateException).
        "storage-retries-exhausted" => new AggregateException(
            "Retry failed after 2 tries.", new RequestFailedException(0, "secret"), new TaskCanceledException("network timeout secret")),
        // The durable backend's DurableTaskStorageException (internal) wraps the SDK's exception.
        "storage-wrapped-by-the-durable-backend" => new InvalidOperationException("secret", new RequestFailedException(503, "secret")),
        "network-timeout" => new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout secret"),
        "operation-cancelled" => new OperationCanceledException("secret"),
        "timeout" => new TimeoutException("secret"),
        "grpc-unavailable" => new RpcException(new Status(StatusCode.Unavailable, "secret")),
        "grpc-deadline-exceeded" => new RpcException(new Status(StatusCode.DeadlineExceeded, "secret")),
        "grpc-resource-exhausted" => new RpcException(new Status(StatusCode.ResourceExhausted, "secret")),
        "grpc-cancelled" => new RpcException(new Status(StatusCode.Cancelled, "secret")),
        "grpc-unknown" => new RpcException(new Status(StatusCode.Unknown, "secret")),
        "grpc-not-found" => new RpcException(new Status(StatusCode.NotFound, "secret")),
        "http-request" => new HttpRequestException("secret"),
        "socket" => new SocketException((int)SocketError.ConnectionRefused),
        "invalid-operation" => new InvalidOperationException("secret"),
        "aggregate-of-a-fault-and-a-bug" => new AggregateException(new RequestFailedException(0, "secret"), new InvalidOperationException("secret")),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static (DefaultHttpContext Http, LogCapture Logs) NewHttpContext()
    {
        var logs = new LogCapture();
        var services = new ServiceCollection().AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)).BuildServiceProvider();
        return (new DefaultHttpContext { RequestServices = services, TraceIdentifier = "exception-test", Response = { Body = new MemoryStream() } }, logs);
    }

    private static async Task<ExecutedResponse> ExecuteAsync(IResult result, HttpContext http)
    {
        await result.ExecuteAsync(http);
        http.Response.Body.Position = 0;
        var body = http.Response.Body.Length > 0 ? await JsonDocument.ParseAsync(http.Response.Body) : null;
        return new ExecutedResponse(http.Response.StatusCode, http.Response.ContentType, http.Response.Headers.RetryAfter.ToString(), body);
    }

    private sealed record ExecutedResponse(int Status, string? ContentType, string RetryAfter, JsonDocument? Body);

    private sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);

    /// <summary>The log entries of <see cref="ExceptionProblems"/> (not the framework's, such as the result's own).</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        private readonly List<LogEntry> _entries = [];

        public IReadOnlyList<LogEntry> Entries => _entries;

        public ILogger CreateLogger(string categoryName) =>
            categoryName == typeof(ExceptionProblems).FullName ? new Capturing(_entries) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Capturing(List<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Add(new LogEntry(logLevel, formatter(state, exception), exception));
        }
    }
}
