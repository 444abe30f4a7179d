using System.Globalization;

namespace LinX.Bench.Harness;

/// <summary>Percentiles and number formatting for the result tables.</summary>
public static class Stats
{
    /// <summary>The nearest-rank percentile (0..1) of some values; NaN when there are none.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public static string F(double value, int decimals = 1) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
