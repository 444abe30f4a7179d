using System.Buffers.Binary;
using System.IO.Compression;

namespace LinX.Testing;

/// <summary>Image files built byte by byte for the logo tests: a real PNG of any size, and JPEG and WebP headers.</summary>
public static class TestImages
{
    /// <summary>A decodable RGB PNG of one colour, <paramref name="padTo"/> bytes long at least (a tEXt chunk fills the rest).</summary>
    public static byte[] Png(int width, int height, int padTo = 0)
    {
        var raw = new byte[height * (1 + (width * 3))];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = (byte)(i % (1 + (width * 3)) == 0 ? 0 : 0x30);
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        var fill = padTo - (int)png.Length - 12 - 12;
        if (fill > 0)
        {
            Chunk(png, "tEXt", [.. "Comment\0"u8, .. Enumerable.Repeat((byte)'x', Math.Max(0, fill - 8))]);
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A JPEG's start: SOI, an APP0 (JFIF) segment, then a baseline frame header (SOF0) of the size, then EOI.</summary>
    public static byte[] Jpeg(int width, int height)
    {
        byte[] app0 = [0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
        byte[] sof0 = [0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03,
            0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
        return [0xFF, 0xD8, .. app0, .. sof0, 0xFF, 0xD9];
    }

    /// <summary>A lossy WebP's start (RIFF, WEBP, a VP8 chunk with its key frame header).</summary>
    public static byte[] WebPLossy(int width, int height)
    {
        var vp8 = new byte[10 + 8];
        vp8[3] = 0x9D;
        vp8[4] = 0x01;
        vp8[5] = 0x2A;
        BinaryPrimitives.WriteUInt16LittleEndian(vp8.AsSpan(6), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(vp8.AsSpan(8), (ushort)height);
        return Riff("VP8 ", vp8);
    }

    /// <summary>A lossless WebP's start (a VP8L chunk: signature 0x2F, then 14-bit width-1 and height-1).</summary>
    public static byte[] WebPLossless(int width, int height)
    {
        var vp8l = new byte[5 + 5];
        vp8l[0] = 0x2F;
        BinaryPrimitives.WriteUInt32LittleEndian(vp8l.AsSpan(1), (uint)((width - 1) | ((height - 1) << 14)));
        return Riff("VP8L", vp8l);
    }

    /// <summary>An extended WebP's start (a VP8X chunk with the 24-bit canvas width-1 and height-1).</summary>
    public static byte[] WebPExtended(int width, int height)
    {
        var vp8x = new byte[10];
        vp8x[4] = (byte)(width - 1);
        vp8x[5] = (byte)((width - 1) >> 8);
        vp8x[6] = (byte)((width - 1) >> 16);
        vp8x[7] = (byte)(height - 1);
        vp8x[8] = (byte)((height - 1) >> 8);
        vp8x[9] = (byte)((height - 1) >> 16);
        return Riff("VP8X", vp8x);
    }

    /// <summary>An SVG that runs script when opened as a document: never a logo.</summary>
    public static byte[] Svg() => """<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>"""u8.ToArray();

    private static byte[] Riff(string fourCc, byte[] chunk)
    {
        using var riff = new MemoryStream();
        riff.Write("RIFF"u8);
        riff.Write(BitConverter.GetBytes(4 + 8 + chunk.Length));
        riff.Write("WEBP"u8);
        riff.Write(System.Text.Encoding.ASCII.GetBytes(fourCc));
        riff.Write(BitConverter.GetBytes(chunk.Length));
        riff.Write(chunk);
        return riff.ToArray();
    }

    // The CRC-32 of PNG chunks (ISO 3309, reflected, polynomial 0xEDB88320).
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }
}
