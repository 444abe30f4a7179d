using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LinX.Functions.Tests;

/// <summary>What an HTTP function's result wrote: status, headers and body.</summary>
public sealed record TestResponse(int Status, string? ContentType, IHeaderDictionary Headers, string Text)
{
    /// <summary>The body as JSON (<see cref="JsonValueKind.Undefined"/> when empty).</summary>
    public JsonElement Json => Text.Length == 0 ? default : JsonDocument.Parse(Text).RootElement.Clone();

    /// <summary>The problem document's <c>errorCode</c>.</summary>
    public string? ErrorCode => Json.GetProperty("errorCode").GetString();

    public static TestResponse Read(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = (MemoryStream)response.Body;
        return new TestResponse(response.StatusCode, response.ContentType, response.Headers, Encoding.UTF8.GetString(body.ToArray()));
    }
}
