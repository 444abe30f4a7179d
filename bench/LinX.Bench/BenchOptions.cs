using System.Globalization;

namespace LinX.Bench;

/// <summary>The name=value arguments of a run, with defaults.</summary>
internal sealed class BenchOptions
{
    private readonly Dictionary<string, string> _values;

    private BenchOptions(Dictionary<string, string> values)
    {
        _values = values;
    }

    public static BenchOptions Parse(IEnumerable<string> args) => new(args
        .Select(a => a.Split('=', 2))
        .Where(p => p.Length == 2)
        .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase));

    public string Text(string name, string fallback) => _values.TryGetValue(name, out var v) ? v : fallback;

    public int Int(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public int[] Ints(string name, params int[] fallback) => _values.TryGetValue(name, out var v)
        ? [.. v.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture))]
        : fallback;
}
