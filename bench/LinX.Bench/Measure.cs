using System.Diagnostics;
using LinX.Bench.Harness;

namespace LinX.Bench;

/// <summary>Process memory and CPU, and a printable breakdown of storage operations.</summary>
internal static class Measure
{
    /// <summary>Managed heap after a full compacting collection, and the working set.</summary>
    public static (long Heap, long WorkingSet) Memory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    public static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Busy and total jiffies of all cores (Linux <c>/proc/stat</c>); zeros elsewhere.</summary>
    public static (long Busy, long Total) MachineCpu()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (0, 0);
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + fields[4];
        var total = fields.Take(8).Sum();
        return (total - idle, total);
    }

    /// <summary>Percent of all cores busy between two <see cref="MachineCpu"/> readings.</summary>
    public static double BusyPercent((long Busy, long Total) before, (long Busy, long Total) after) =>
        after.Total == before.Total ? double.NaN : 100.0 * (after.Busy - before.Busy) / (after.Total - before.Total);

    /// <summary>CPU time of this process's child processes (Azurite), from Linux <c>/proc</c>; zero elsewhere.</summary>
    public static TimeSpan ChildCpu()
    {
        if (!Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }

        var self = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[1] == self)
                {
                    ticks += long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // A process that ended meanwhile, or one we may not read.
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ
    }

    public static string Mb(long bytes) => Stats.F(bytes / 1e6) + " MB";

    /// <summary>"GET Workflows(key): 2.0, POST $batch: 1.0 ..." per unit, the host's random table prefixes removed.</summary>
    public static string Breakdown(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after, double units, HostSettings settings, int top = 12) =>
        string.Join(", ", StorageRequestCounter.Delta(before, after)
            .Take(top)
            .Select(x => $"{x.Operation.Replace(settings.TablePrefix, string.Empty, StringComparison.Ordinal).Replace(settings.TaskHub, "hub", StringComparison.Ordinal)}: {Stats.F(x.Count / units, 2)}"));
}
