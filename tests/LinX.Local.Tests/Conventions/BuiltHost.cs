using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LinX.Testing;

namespace LinX.Local.Tests.Conventions;

/// <summary>
/// The built LinX.Local as a real child process, <c>dotnet LinX.Local.dll</c>, the way a developer or a container runs
/// it: the assembly this test loaded (the test's build output, beside its runtimeconfig and deps files), started from
/// the repository root with only the environment and arguments a test gives (no inherited URLs, ports or environment
/// name), its Azurite's data in a folder of its own. Output (stdout and stderr) is kept for assertions and failures.
/// Disposing kills whatever is still running of its process tree, and deletes the data folder.
/// </summary>
internal sealed partial class BuiltHost : IAsyncDisposable
{
    /// <summary>Inherited settings that would decide for the test where or how the host runs.</summary>
    private static readonly string[] Scrubbed = ["ASPNETCORE_", "DOTNET_URLS", "DOTNET_ENVIRONMENT", "DOTNET_HTTP_PORTS", "DOTNET_HTTPS_PORTS", "URLS", "HTTP_PORTS", "HTTPS_PORTS", "LinX__"];

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _lock = new();
    private readonly string _dataFolder;

    private BuiltHost(Process process, string dataFolder)
    {
        _process = process;
        _dataFolder = dataFolder;
    }

    /// <summary>The host's id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Everything the host wrote so far, stdout and stderr interleaved as they arrived.</summary>
    public string Output
    {
        get
        {
            lock (_lock)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The id of the Azurite the host says it started, once it has said so.</summary>
    public int? AzuriteProcessId => AzuriteStarted().Match(Output) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>The demo API key the host printed, once it has.</summary>
    public string? DemoKey => DemoKeyPrinted().Match(Output) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>
    /// Starts the host in Development (its appsettings.Development.json holds the local keys) with its Azurite on
    /// <paramref name="azurite"/>'s ports, plus <paramref name="environment"/> and <paramref name="args"/>.
    /// </summary>
    public static BuiltHost Start((int Blob, int Queue, int Table) azurite, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = typeof(LinxLocalApplication).Assembly.Location;
        if (!File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")))
        {
            throw new InvalidOperationException($"{dll} has no runtimeconfig.json beside it: it cannot be run with dotnet.");
        }

        var dataFolder = Directory.CreateTempSubdirectory("linx-built-host-").FullName;
        var start = new ProcessStartInfo(Muxer())
        {
            WorkingDirectory = RepoPaths.Root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => Scrubbed.Any(s => k.StartsWith(s, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["LinX__Azurite__BlobPort"] = Text(azurite.Blob);
        start.Environment["LinX__Azurite__QueuePort"] = Text(azurite.Queue);
        start.Environment["LinX__Azurite__TablePort"] = Text(azurite.Table);
        start.Environment["LinX__Azurite__DataFolder"] = dataFolder;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var host = new BuiltHost(process, dataFolder);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Three free loopback ports for the host's Azurite.</summary>
    public static (int Blob, int Queue, int Table) FreeAzuritePorts() => (Ports.Free(), Ports.Free(), Ports.Free());

    /// <summary>Waits until <paramref name="url"/> answers 200; fails at once, with the output, when the host exits first.</summary>
    public async Task WaitUntilOkAsync(string url, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        await Poll.UntilAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The host exited ({_process.ExitCode}) before {url} answered:\n{Output}");
                }

                try
                {
                    using var response = await client.GetAsync(url);
                    return response.IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false; // not listening yet, or too busy starting to answer in time
                }
            },
            timeout,
            $"{url} to answer 200 (output so far:\n{Output})");
    }

    /// <summary>SIGTERM, as a container runtime or systemd stops a service, then waits for the exit.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        ProcessSignals.Send(_process.Id, "-TERM");
        return await WaitForExitAsync(timeout);
    }

    /// <summary>Waits for the host to exit on its own; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The host did not exit within {timeout.TotalSeconds:0} s. Output:\n{Output}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        // An Azurite left behind by a host that died without stopping it (what the tests check does not happen).
        if (AzuriteProcessId is { } azurite && ProcessSignals.IsAlive(azurite))
        {
            ProcessSignals.Send(azurite, "-KILL");
        }

        _process.Dispose();
        Directory.Delete(_dataFolder, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>The dotnet executable running these tests (the SDK's muxer), else the one on the PATH.</summary>
    private static string Muxer() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Started Azurite \(pid (\d+)\)")]
    private static partial Regex AzuriteStarted();

    [GeneratedRegex(@"^\s*API key:\s+(linx_[A-Za-z0-9_-]+)", RegexOptions.Multiline)]
    private static partial Regex DemoKeyPrinted();
}
