using System.Net.Sockets;
using Azure;
using Grpc.Core;
using LinX.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LinX.Api.Problems;

/// <summary>
/// The one mapping from an exception that escaped a handler to its response, used by the last-chance handler of both
/// hosts (LinX.Local's exception handler, the Functions worker middleware). Storage or the durable backend failing or
/// answering too late is 503 SERVICE_UNAVAILABLE with <c>Retry-After</c>: the caller may retry, and a create retried
/// with its Idempotency-Key is never duplicated. A request the server could not read is its 4xx; a caller that went
/// away gets 499 and no body; anything else is the 500 that discloses nothing.
/// </summary>
public static partial class ExceptionProblems
{
    /// <summary>How long a caller is told to wait after a 503: about one storage deadline.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    // Wrappers seen in practice are one or two deep (DurableTaskStorageException > RequestFailedException,
    // AggregateException > RequestFailedException); the bound only guards against a cycle.
    private const int MaxDepth = 8;

    /// <summary>
    /// The response for <paramref name="exception"/>, logged: a dependency fault at Warning by exception type only (its
    /// message holds storage URLs and request details, and its stack says nothing the type does not), a bad request at
    /// Debug, anything else at Error with the exception.
    /// </summary>
    public static IResult ToResult(HttpContext http, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(exception);
        var logger = http.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(ExceptionProblems).FullName!) ?? NullLogger.Instance;
        if (exception is BadHttpRequestException bad)
        {
            LogBadRequest(logger, bad.StatusCode);
            return BadRequest(http, bad.StatusCode);
        }

        if (http.RequestAborted.IsCancellationRequested && IsCancellation(exception))
        {
            LogCallerGone(logger);
            return Results.StatusCode(StatusCodes.Status499ClientClosedRequest);
        }

        if (DependencyFault(exception, 0, http.RequestAborted) is { } fault)
        {
            LogDependencyFault(logger, fault.GetType().FullName ?? fault.GetType().Name);
            return ProblemResults.ServiceUnavailable(http, RetryAfter);
        }

        LogUnexpected(logger, exception);
        return ProblemResults.InternalError(http);
    }

    /// <summary>
    /// Whether <paramref name="exception"/> (or what it wraps) says that storage or the durable backend is unavailable or
    /// too slow: a transient Azure SDK failure (no response, 408, 429, 5xx), a timeout or a cancellation the caller did not
    /// ask for (<paramref name="callerAborted"/> is not cancelled), a gRPC call the backend could not serve, or a network
    /// error. An aggregate is a fault when everything it holds is.
    /// </summary>
    public static bool IsDependencyFault(Exception exception, CancellationToken callerAborted = default)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return DependencyFault(exception, 0, callerAborted) is not null;
    }

    private static Exception? DependencyFault(Exception exception, int depth, CancellationToken callerAborted)
    {
        var isFault = exception switch
        {
            RequestFailedException e => e.Status is 0 or StatusCodes.Status408RequestTimeout or StatusCodes.Status429TooManyRequests or >= 500,
            RpcException e => e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted
                || (e.StatusCode == StatusCode.Cancelled && !callerAborted.IsCancellationRequested),
            OperationCanceledException => !callerAborted.IsCancellationRequested,
            TimeoutException or HttpRequestException or SocketException => true,
            _ => false,
        };
        if (isFault)
        {
            return exception;
        }

        if (depth >= MaxDepth)
        {
            return null;
        }

        if (exception is AggregateException aggregate)
        {
            var faults = aggregate.InnerExceptions.Select(e => DependencyFault(e, depth + 1, callerAborted)).ToList();
            return faults.Count > 0 && faults.All(f => f is not null) ? faults[0] : null;
        }

        return exception.InnerException is { } inner ? DependencyFault(inner, depth + 1, callerAborted) : null;
    }

    private static bool IsCancellation(Exception exception) =>
        exception is OperationCanceledException or IOException or RpcException { StatusCode: StatusCode.Cancelled };

    // DESIGN.md: an oversize body is 400 BODY_TOO_LARGE, not 413; any other status the server chose is kept (4xx only).
    private static IResult BadRequest(HttpContext http, int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => ProblemResults.BodyTooLarge(http, RequestBody.MaxBytes),
        >= 400 and < 500 => ProblemResults.Problem(http, status, ApiErrorCodes.ValidationFailed, "The request could not be read."),
        _ => ProblemResults.Problem(http, StatusCodes.Status400BadRequest, ApiErrorCodes.ValidationFailed, "The request could not be read."),
    };

    [LoggerMessage(1, LogLevel.Warning, "Storage or the durable backend failed or timed out ({ExceptionType}); answered 503")]
    private static partial void LogDependencyFault(ILogger logger, string exceptionType);

    [LoggerMessage(2, LogLevel.Error, "Unhandled exception; answered 500")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);

    [LoggerMessage(3, LogLevel.Debug, "The request could not be read (status {Status})")]
    private static partial void LogBadRequest(ILogger logger, int status);

    [LoggerMessage(4, LogLevel.Debug, "The caller went away before the answer")]
    private static partial void LogCallerGone(ILogger logger);
}
