using System.Net;

namespace LinX.Api.OpenApi;

/// <summary>The text of the document: plain, as the reader sees it, never XML-escaped (<c>&amp;amp;</c>, <c>&amp;gt;</c>).</summary>
internal static class OpenApiText
{
    public static string? Plain(string? text) => text is null ? null : WebUtility.HtmlDecode(text);
}
