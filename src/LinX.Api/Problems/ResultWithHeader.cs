using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace LinX.Api.Problems;

/// <summary>Adds one response header to another result, e.g. <c>WWW-Authenticate</c> on a 401.</summary>
internal sealed class ResultWithHeader(IResult inner, string name, string value) : IResult, IStatusCodeHttpResult
{
    public IResult Inner => inner;

    public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers[name] = value;
        return inner.ExecuteAsync(httpContext);
    }
}
