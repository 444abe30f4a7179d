namespace LinX.Bench.Harness;

/// <summary>A Markdown table printed at the end of a run (what the docs and reports quote).</summary>
public sealed class ResultTable(string title, params string[] columns)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Print(TextWriter? writer = null)
    {
        writer ??= Console.Out;
        writer.WriteLine();
        writer.WriteLine($"### {title}");
        writer.WriteLine();
        writer.WriteLine("| " + string.Join(" | ", columns) + " |");
        writer.WriteLine("|" + string.Concat(columns.Select(_ => "---|")));
        foreach (var row in _rows)
        {
            writer.WriteLine("| " + string.Join(" | ", row) + " |");
        }
    }
}
