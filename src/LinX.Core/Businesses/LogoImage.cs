using System.Buffers.Binary;

namespace LinX.Core.Businesses;

/// <summary>
/// The rules of a business's logo: PNG, JPEG or WebP only (never SVG: it can carry script), at most
/// <see cref="MaxBytes"/>, at most <see cref="MaxPixels"/> pixels each way. The type is judged by the file's own magic
/// bytes and its dimensions by its header, not by what the client says it is.
/// </summary>
public static class LogoImage
{
    public const int MaxBytes = 64 * 1024;

    public const int MaxPixels = 1024;

    public const string Png = "image/png";

    public const string Jpeg = "image/jpeg";

    public const string WebP = "image/webp";

    /// <summary>The content types a logo may have.</summary>
    public static IReadOnlyList<string> ContentTypes { get; } = [Png, Jpeg, WebP];

    /// <summary>Every problem of <paramref name="bytes"/> as a logo of <paramref name="contentType"/> (one of <see cref="ContentTypes"/>); none when it is one.</summary>
    public static IReadOnlyList<FieldError> Check(string contentType, ReadOnlySpan<byte> bytes)
    {
        var size = contentType switch
        {
            Png => PngSize(bytes),
            Jpeg => JpegSize(bytes),
            WebP => WebPSize(bytes),
            _ => throw new ArgumentOutOfRangeException(nameof(contentType), contentType, "Not a logo content type."),
        };
        if (size is not { Width: > 0, Height: > 0 } pixels)
        {
            return [new FieldError("$", $"The body is not the {contentType} image its Content-Type says (its first bytes or its header do not match).", ServiceErrorCodes.LogoNotAnImage)];
        }

        return pixels.Width > MaxPixels || pixels.Height > MaxPixels
            ? [new FieldError("$", $"The image is {pixels.Width}×{pixels.Height} pixels; a logo is at most {MaxPixels}×{MaxPixels}.", ServiceErrorCodes.LogoDimensionsTooLarge)]
            : [];
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // Signature, then the IHDR chunk first: length, "IHDR", width and height (big-endian).
    private static (int Width, int Height)? PngSize(ReadOnlySpan<byte> b) =>
        b.Length >= 24 && b[..8].SequenceEqual(PngSignature) && b[12..16].SequenceEqual("IHDR"u8)
            ? ((int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(b[16..]), int.MaxValue), (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(b[20..]), int.MaxValue))
            : null;

    // SOI, then segments up to the first start-of-frame (SOF0..SOF15 but DHT, JPG and DAC), which holds the size.
    private static (int Width, int Height)? JpegSize(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4 || b[0] != 0xFF || b[1] != 0xD8 || b[2] != 0xFF)
        {
            return null;
        }

        var i = 2;
        while (i + 4 <= b.Length && b[i] == 0xFF)
        {
            var marker = b[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte
                continue;
            }

            if (marker is 0x01 or >= 0xD0 and <= 0xD7)
            {
                i += 2; // standalone marker
                continue;
            }

            if (marker is 0xD9 or 0xDA)
            {
                return null; // end of image or scan data before any frame header
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                return i + 9 <= b.Length && length >= 7
                    ? (BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]))
                    : null;
            }

            if (length < 2)
            {
                return null;
            }

            i += 2 + length;
        }

        return null;
    }

    // RIFF container "WEBP", then its first chunk: VP8 (lossy), VP8L (lossless) or VP8X (extended, with the canvas size).
    private static (int Width, int Height)? WebPSize(ReadOnlySpan<byte> b)
    {
        if (b.Length < 30 || !b[..4].SequenceEqual("RIFF"u8) || !b[8..12].SequenceEqual("WEBP"u8))
        {
            return null;
        }

        var chunk = b[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            return b[23] == 0x9D && b[24] == 0x01 && b[25] == 0x2A
                ? (BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFF)
                : null;
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
            return b[20] == 0x2F ? ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1) : null;
        }

        return chunk.SequenceEqual("VP8X"u8)
            ? (1 + (b[24] | (b[25] << 8) | (b[26] << 16)), 1 + (b[27] | (b[28] << 8) | (b[29] << 16)))
            : null;
    }
}
