using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace LinX.Local.Azurite;

/// <summary>
/// Starts Azurite from the repository's node_modules (running <c>npm ci</c> first if needed) when the
/// host uses development storage and no emulator is listening, and stops that process (by its id) on
/// shutdown. Telemetry is always disabled and every endpoint is bound to 127.0.0.1.
/// </summary>
public sealed class AzuriteLauncher(
    IOptions<AzuriteOptions> options,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<AzuriteLauncher> logger) : IHostedService, IDisposable
{
    private const string SetSid = "/usr/bin/setsid";
    private static readonly int[] Ports = [10000, 10001, 10002];
    private Process? _process;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = configuration["LinX:Storage:ConnectionString"];
        if (!options.Value.AutoStart
            || !string.Equals(connection, "UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
            || await IsListeningAsync(10002, cancellationToken))
        {
            return;
        }

        var root = FindRepositoryRoot(environment.ContentRootPath);
        var script = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            Log.InstallingAzurite(logger);
            await RunAsync("npm", root, cancellationToken, "ci", "--no-audit", "--no-fund");
        }

        // In its own session (setsid) so that Ctrl+C in the terminal stops the host, which then stops Azurite
        // last, after the durable worker has drained, instead of both dying at once.
        var detach = File.Exists(SetSid);
        var start = new ProcessStartInfo(detach ? SetSid : "node") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            detach ? "node" : null,
            script, "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--silent",
            "--location", Path.Combine(root, options.Value.DataFolder),
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
        }.OfType<string>())
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Log.AzuriteStarted(logger, _process.Id);

        var deadline = DateTime.UtcNow + options.Value.StartTimeout;
        foreach (var port in Ports)
        {
            while (!await IsListeningAsync(port, cancellationToken))
            {
                if (_process.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"Azurite did not listen on 127.0.0.1:{port}; is another process using the port?");
                }

                await Task.Delay(100, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Stop();
        return Task.CompletedTask;
    }

    // Also on dispose: when the host fails to start, StopAsync is never called, and Azurite must not outlive it.
    public void Dispose()
    {
        Stop();
        _process?.Dispose();
    }

    private void Stop()
    {
        if (_process is { HasExited: false })
        {
            Log.AzuriteStopping(logger, _process.Id);
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
    }

    internal static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")) && File.Exists(Path.Combine(dir.FullName, "LinX.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Cannot find the LinX repository root (package.json) above {start}.");
    }

    private static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string file, string workingDirectory, CancellationToken cancellationToken, params string[] args)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start.");
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', args)}' failed with exit code {process.ExitCode}.");
        }
    }
}
