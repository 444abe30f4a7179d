using System.Text.Json;
using System.Text.Json.Nodes;

namespace LinX.Core.Tests.Workflows;

/// <summary>The request bodies under Corpus/ (copied to the output folder), and edits of the seed examples.</summary>
internal static class RequestCorpus
{
    public const string Seed1 = "seed-1-new-customer-account";
    public const string Seed2 = "seed-2-existing-customer-debit-card";
    public const string Seed3 = "seed-3-rebate-new-customer";
    public const string Seed4 = "seed-4-rebate-existing-account";

    public static string Folder(string kind) => Path.Combine(AppContext.BaseDirectory, "Corpus", kind);

    public static byte[] Valid(string name) => File.ReadAllBytes(Path.Combine(Folder("valid"), name + ".json"));

    public static IEnumerable<string> InvalidNames() =>
        Directory.EnumerateFiles(Folder("invalid"), "*.json")
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal);

    public static byte[] Invalid(string name) => File.ReadAllBytes(Path.Combine(Folder("invalid"), name + ".json"));

    public static IReadOnlyList<string> ExpectedCodes(string name)
    {
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder("invalid"), name + ".expected.json")));
        return expected.RootElement.GetProperty("errorCodes").EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    /// <summary>
    /// A seed example with edits: <c>"parameters.amount=0"</c> sets a value (raw JSON),
    /// <c>"-parameters.customerId"</c> removes one, <c>"steps[1].name=\"x\""</c> reaches into arrays.
    /// </summary>
    public static byte[] Edit(string seed, params string[] edits)
    {
        var root = JsonNode.Parse(Valid(seed))!;
        foreach (var edit in edits)
        {
            var remove = edit.StartsWith('-');
            var separator = edit.IndexOf('=', StringComparison.Ordinal);
            var path = remove ? edit[1..] : edit[..separator];
            var segments = path.Split('.');
            var parent = segments[..^1].Aggregate(root, Step);
            var last = segments[^1];
            var bracket = last.IndexOf('[', StringComparison.Ordinal);
            if (remove)
            {
                parent.AsObject().Remove(last);
            }
            else if (bracket >= 0)
            {
                parent[last[..bracket]]![Index(last)] = JsonNode.Parse(edit[(separator + 1)..]);
            }
            else
            {
                parent[last] = JsonNode.Parse(edit[(separator + 1)..]);
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(root);
    }

    private static JsonNode Step(JsonNode node, string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            return node[segment]!;
        }

        return node[segment[..bracket]]![Index(segment)]!;
    }

    private static int Index(string segment) =>
        int.Parse(segment[(segment.IndexOf('[', StringComparison.Ordinal) + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
}
