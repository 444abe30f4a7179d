using Azure.Data.Tables;

namespace LinX.Durable.Storage;

/// <summary>
/// Stores a string that may exceed one table property (64 KiB, i.e. 32 K UTF-16 characters) across
/// numbered properties of the same entity (an entity holds up to 1 MiB).
/// </summary>
internal static class LargeProperty
{
    private const int ChunkChars = 30_000;
    private const int MaxChunks = 15;

    public static void Write(TableEntity entity, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        var chunks = (value.Length + ChunkChars - 1) / ChunkChars;
        if (chunks > MaxChunks)
        {
            throw new PayloadTooLargeException($"'{name}' is {value.Length} characters; at most {ChunkChars * MaxChunks} fit in one row.");
        }

        entity[name] = value.Length <= ChunkChars ? value : value[..ChunkChars];
        for (var i = 1; i < chunks; i++)
        {
            entity[name + "_" + i] = value.Substring(i * ChunkChars, Math.Min(ChunkChars, value.Length - (i * ChunkChars)));
        }
    }

    public static string? Read(TableEntity entity, string name)
    {
        var first = entity.GetString(name);
        if (first is null || first.Length < ChunkChars)
        {
            return first;
        }

        var parts = new List<string> { first };
        for (var i = 1; entity.GetString(name + "_" + i) is { } next; i++)
        {
            parts.Add(next);
        }

        return string.Concat(parts);
    }
}
