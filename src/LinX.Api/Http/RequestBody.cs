using Microsoft.AspNetCore.Http;

namespace LinX.Api.Http;

/// <summary>Reads request bodies with a hard size limit, before any parsing.</summary>
public static class RequestBody
{
    /// <summary>The largest body any LinX endpoint accepts (DESIGN.md §2).</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The body's bytes, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
