using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using LinX.Infrastructure.Storage;
using LinX.Local.Durable;
using Microsoft.Extensions.Options;

namespace LinX.Local.Azurite;

/// <summary>
/// Starts Azurite from the repository's node_modules (running <c>npm ci</c> first if needed) on the ports of
/// <c>LinX:Azurite</c> when the host's storage or task hub uses development storage, and stops that process (by its id)
/// on shutdown. Telemetry is always disabled and every endpoint is bound to 127.0.0.1. When something already listens
/// on one of those ports the host refuses to start (<see cref="AzuritePortInUseException"/>): writing into an emulator
/// this host did not start, silently, is how one run's data ends up in another's.
/// </summary>
public sealed class AzuriteLauncher(
    IOptions<AzuriteOptions> options,
    IOptions<LinXStorageOptions> storage,
    IOptions<DurableTaskHubOptions> durable,
    IHostEnvironment environment,
    ILogger<AzuriteLauncher> logger) : IHostedService, IDisposable
{
    private const string SetSid = "/usr/bin/setsid";
    private Process? _process;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var azurite = options.Value;
        if (!azurite.AutoStart || (storage.Value.ConnectionString != azurite.ConnectionString && durable.Value.ConnectionString != azurite.ConnectionString))
        {
            return;
        }

        foreach (var (setting, port) in azurite.Ports)
        {
            if (await IsListeningAsync(port, cancellationToken))
            {
                throw new AzuritePortInUseException(setting, port);
            }
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
            "--location", Path.Combine(root, azurite.DataFolder),
            "--blobHost", "127.0.0.1", "--blobPort", Text(azurite.BlobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Text(azurite.QueuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Text(azurite.TablePort),
        }.OfType<string>())
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Log.AzuriteStarted(logger, _process.Id, azurite.BlobPort, azurite.QueuePort, azurite.TablePort);

        var deadline = DateTime.UtcNow + azurite.StartTimeout;
        foreach (var (_, port) in azurite.Ports)
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

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

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
