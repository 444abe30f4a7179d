using LinX.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace LinX.Functions.Problems;

/// <summary>
/// The Functions host's last-chance handler, as LinX.Local's exception handler: an exception that escapes an HTTP
/// function is answered by <see cref="ExceptionProblems"/> (a storage fault is 503 with <c>Retry-After</c>, never the
/// host's bare 500). Activities and orchestrators rethrow, so that Durable Functions records and retries the failure as
/// it should; so does an HTTP function whose response has started, since a started response cannot be changed.
/// </summary>
public sealed class ExceptionProblemsMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception exception) when (context.GetHttpContext() is { Response.HasStarted: false })
        {
            var http = context.GetHttpContext()!;
            http.Response.Clear();
            await ExceptionProblems.ToResult(http, exception).ExecuteAsync(http);
        }
    }
}
