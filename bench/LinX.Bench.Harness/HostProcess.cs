using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using LinX.Testing;

namespace LinX.Bench.Harness;

/// <summary>
/// The built LinX.Local host as a separate process (<c>dotnet LinX.Local.dll</c>) configured by environment
/// variables, so that it can be killed with SIGKILL at any moment and started again on the same storage.
/// Its console lines are kept (the SMS log lines are how sends are counted across kills).
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly HttpClient _health = new() { Timeout = TimeSpan.FromSeconds(2) };
    private Process? _process;

    public HostProcess(HostSettings settings)
    {
        Settings = settings;
        Api = new LinxHttp(settings.BaseUrl, settings.DemoApiKey, settings.Security);
    }

    public HostSettings Settings { get; }

    public LinxHttp Api { get; }

    /// <summary>Times the process was started.</summary>
    public int Starts { get; private set; }

    /// <summary>Every console line of every run, prefixed with <c>[run n]</c> (1 for the first start).</summary>
    public IReadOnlyCollection<string> OutputLines => _lines;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The running process's id (the engine names its worker after it: <c>{machine}-{pid}</c>).</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The host is not running.");

    /// <summary>The host's dll, built with the same configuration as this assembly.</summary>
    public static string DllPath
    {
        get
        {
            var configuration = typeof(HostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
            return Path.Combine(RepoPaths.Root, "src", "LinX.Local", "bin", configuration, framework, "LinX.Local.dll");
        }
    }

    /// <summary>Starts the host and waits until <c>/health</c> answers 200.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The host is already running.");
        }

        var dll = DllPath;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"Build src/LinX.Local first: {dll} is missing.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__LinX.Core.Activities.SendNotificationActivity"] = "Information";
        foreach (var (key, value) in Settings.AsEnvironment())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        var run = ++Starts;
        process.OutputDataReceived += (_, e) => Keep(run, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(run, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        await Poll.UntilAsync(
            async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The host exited with code {process.ExitCode}: {string.Join(Environment.NewLine, _lines.TakeLast(20))}");
                }

                try
                {
                    using var response = await _health.GetAsync(new Uri(Settings.BaseUrl + "/health"), cancellationToken);
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(60),
            "the host to answer /health");
    }

    /// <summary>SIGKILL: no shutdown, no flush, no finally blocks; then waits for the process to be gone.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _health.Dispose();
        Api.Dispose();
    }

    private void Keep(int run, string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue($"[run {run}] {line}");
        }
    }
}
