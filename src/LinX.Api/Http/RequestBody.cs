using LinX.Api.Problems;
using LinX.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace LinX.Api.Http;

/// <summary>
/// Reads request bodies with a hard size limit, before any parsing. A body that cannot be read (a malformed chunked
/// encoding, fewer bytes than its Content-Length, a reset connection) is a 400 problem, never an exception: the
/// client's mistake must not reach the exception handler as a 500 with a stack trace in the log.
/// </summary>
public static class RequestBody
{
    /// <summary>The largest body any LinX endpoint accepts (DESIGN.md §2).</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>
    /// The body of a JSON endpoint: 415 unless it is <c>application/json</c> or <c>application/*+json</c> (charset, if
    /// given, UTF-8). That also refuses what a cross-origin page can post without a preflight (<c>text/plain</c>, forms).
    /// An empty body carries no media type and is not checked: every JSON endpoint's parser rejects it as not JSON.
    /// </summary>
    public static Task<RequestBodyRead> ReadJsonAsync(HttpContext http) => ReadJsonAsync(http, MaxBytes);

    /// <summary>As <see cref="ReadJsonAsync(HttpContext)"/>, for the one route whose limit is another (a batch: ADR 0022).</summary>
    public static Task<RequestBodyRead> ReadJsonAsync(HttpContext http, int maxBytes) =>
        HasBody(http) && !IsJson(http.Request.Headers.ContentType)
            ? Task.FromResult(new RequestBodyRead(ReadOnlyMemory<byte>.Empty, ProblemResults.UnsupportedMediaType(http)))
            : ReadAsync(http, h => ProblemResults.BodyTooLarge(h, maxBytes), maxBytes);

    /// <summary>The body's bytes, or the 400 problem when it is larger than <see cref="MaxBytes"/> or cannot be read.</summary>
    public static Task<RequestBodyRead> ReadAsync(HttpContext http) => ReadAsync(http, h => ProblemResults.BodyTooLarge(h, MaxBytes));

    /// <summary>As <see cref="ReadAsync(HttpContext)"/>, answering <paramref name="tooLarge"/> for a body larger than <see cref="MaxBytes"/>.</summary>
    public static Task<RequestBodyRead> ReadAsync(HttpContext http, Func<HttpContext, IResult> tooLarge) => ReadAsync(http, tooLarge, MaxBytes);

    private static async Task<RequestBodyRead> ReadAsync(HttpContext http, Func<HttpContext, IResult> tooLarge, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(tooLarge);
        try
        {
            return await ReadBytesAsync(http.Request, maxBytes, http.RequestAborted) is { } bytes
                ? new RequestBodyRead(bytes, null)
                : new RequestBodyRead(ReadOnlyMemory<byte>.Empty, tooLarge(http));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new RequestBodyRead(ReadOnlyMemory<byte>.Empty, tooLarge(http));
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException)
        {
            // IOException: the client reset the connection mid-body; nobody reads this answer, and nothing is logged.
            const string Detail = "The request body could not be read: malformed chunked encoding, or fewer bytes than its Content-Length.";
            return new RequestBodyRead(ReadOnlyMemory<byte>.Empty, ProblemResults.Validation(http, [new FieldError("$", Detail, ApiErrorCodes.MalformedBody)], Detail));
        }
    }

    private static async Task<ReadOnlyMemory<byte>?> ReadBytesAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // A Content-Length above 0, or (chunked, HTTP/2) a body the server says may come.
    private static bool HasBody(HttpContext http) =>
        http.Request.ContentLength is { } length ? length > 0 : http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;

    private static bool IsJson(StringValues contentType)
    {
        if (contentType.Count != 1 || !MediaTypeHeaderValue.TryParse(contentType[0], out var type))
        {
            return false;
        }

        var charset = HeaderUtilities.RemoveQuotes(type.Charset);
        return (charset.Length == 0 || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            && type.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
            && (type.SubType.Equals("json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>A request body as read: its bytes, or the problem to answer instead (then <see cref="Bytes"/> is empty).</summary>
public sealed record RequestBodyRead(ReadOnlyMemory<byte> Bytes, IResult? Problem);
