using System.Diagnostics;
using System.Globalization;

namespace LinX.Testing;

/// <summary>POSIX signals to a process this test started (by its id): <c>kill -TERM</c>, <c>-STOP</c>, <c>-CONT</c>.</summary>
public static class ProcessSignals
{
    /// <summary>Sends <paramref name="signal"/> (e.g. <c>-TERM</c>) to <paramref name="processId"/>; throws when kill fails.</summary>
    public static void Send(int processId, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { signal, processId.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start.");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {processId} failed with exit code {kill.ExitCode}.");
        }
    }

    /// <summary>True while a process of this id exists (and is not a zombie left for its parent to reap).</summary>
    public static bool IsAlive(int processId)
    {
        var status = $"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status";
        try
        {
            return File.Exists(status) && !File.ReadLines(status).Any(line => line.StartsWith("State:", StringComparison.Ordinal) && line.Contains("zombie", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false; // it ended while we read
        }
    }
}
