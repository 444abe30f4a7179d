using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Api.Tests.Http;

/// <summary>An <see cref="IResult"/> executed on a <see cref="DefaultHttpContext"/>: what a client would receive.</summary>
internal sealed record ExecutedResult(int Status, string? ContentType, IHeaderDictionary Headers, JsonElement Body)
{
    public string? ErrorCode => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("errorCode", out var code) ? code.GetString() : null;

    /// <summary>A request context whose results can be executed (they take a logger factory from the services).</summary>
    public static DefaultHttpContext NewContext() => new()
    {
        RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider(),
        Response = { Body = new MemoryStream() },
    };

    public static async Task<ExecutedResult> ExecuteAsync(IResult result, HttpContext http)
    {
        await result.ExecuteAsync(http);
        http.Response.Body.Position = 0;
        using var document = await JsonDocument.ParseAsync(http.Response.Body);
        return new ExecutedResult(http.Response.StatusCode, http.Response.ContentType, http.Response.Headers, document.RootElement.Clone());
    }
}
