using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Azure.Data.Tables;
using Xunit;

namespace LinX.Testing;

/// <summary>
/// Starts Azurite (blob, queue, table) from the repo's node_modules (installed by <see cref="AzuriteInstall"/> when
/// missing) on free loopback ports, in memory,
/// with telemetry off, and stops that process (by its id) when disposed. Share it through an xunit
/// collection or class fixture; isolate tests by giving each its own table/queue prefix. Tests of storage
/// faults take it away and back: <see cref="StopAsync"/> and <see cref="StartAsync"/> (same ports), <see cref="Freeze"/>
/// and <see cref="Thaw"/>.
/// </summary>
/// <remarks>
/// In memory, Azurite keeps every queue message's body as its own extent and its garbage collector removes
/// them one at a time, re-sorting the extent index each time: its cost grows with the square of the messages
/// sent. Long runs (benchmarks) use <see cref="OnDisk"/>, where message bodies share 64 MB extent files.
/// </remarks>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountName = "devstoreaccount1";

    // Azurite's well-known development key: public, documented, not a secret.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string? _location;
    private readonly Lock _stopping = new();
    private Process? _process;
    private bool _stopped;

    /// <summary>Azurite in memory (tests).</summary>
    public AzuriteFixture()
    {
    }

    private AzuriteFixture(string location) => _location = location;

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    public int TablePort { get; private set; }

    /// <summary>A connection string to this Azurite instance with explicit endpoints.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>Azurite persisting to a new temporary folder, deleted when disposed (long benchmark runs).</summary>
    public static AzuriteFixture OnDisk() => new(Directory.CreateTempSubdirectory("linx-azurite-").FullName);

    /// <summary>The id of the Azurite process while it runs (what <see cref="Freeze"/> signals).</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("Azurite is not running.");

    public async Task InitializeAsync()
    {
        BlobPort = Ports.Free();
        QueuePort = Ports.Free();
        TablePort = Ports.Free();
        await StartAsync();
    }

    /// <summary>
    /// Stops Azurite, keeping its ports and, <see cref="OnDisk"/>, its data: what a host then sees is storage that refuses
    /// connections. SIGTERM, not SIGKILL, so that Azurite writes its data to disk (it saves only every 5 s otherwise); it
    /// exits once the requests it was serving have ended, which under a busy task hub takes seconds.
    /// <see cref="StartAsync"/> brings it back.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            Signal("-TERM");
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
            }
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>
    /// Starts Azurite on this fixture's ports (again, after <see cref="StopAsync"/>: <see cref="OnDisk"/> with the data it had)
    /// and waits until it answers.
    /// </summary>
    public async Task StartAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("Azurite is already running.");
        }

        var script = await AzuriteInstall.EnsureAsync();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        string[] persistence = _location is null ? ["--inMemoryPersistence"] : ["--location", _location];
        string[] arguments =
        [
            script, "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--silent", .. persistence,
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await Poll.UntilAsync(
            async () => await CanConnectAsync(TablePort) && await CanConnectAsync(QueuePort) && await CanConnectAsync(BlobPort),
            TimeSpan.FromSeconds(90),
            "Azurite to listen");
        await new TableServiceClient(ConnectionString).GetPropertiesAsync();
    }

    /// <summary>
    /// Suspends Azurite (SIGSTOP to its process, which this fixture started): its ports still accept connections and
    /// nothing answers, as with storage that hangs. Always <see cref="Thaw"/> in a <c>finally</c>.
    /// </summary>
    public void Freeze() => Signal("-STOP");

    /// <summary>Resumes Azurite after <see cref="Freeze"/> (SIGCONT).</summary>
    public void Thaw() => Signal("-CONT");

    /// <summary>
    /// For console runs (benchmarks): stops this Azurite also when the process ends on Ctrl+C, SIGTERM (a
    /// <c>timeout</c>, a kill) or any exit. Keep the result for the whole run.
    /// </summary>
    public IDisposable StopOnProcessExit()
    {
        void Stop() => DisposeAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        return new SignalRegistrations(
            PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => Stop()),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Stop()));
    }

    /// <summary>
    /// Stops Azurite and deletes its folder when it has one: once; a call while another is stopping (a signal
    /// during the run's own clean-up) waits for it to finish.
    /// </summary>
    public Task DisposeAsync()
    {
        lock (_stopping)
        {
            if (!_stopped)
            {
                _stopped = true;
                StopAndDelete();
            }
        }

        return Task.CompletedTask;
    }

    private void StopAndDelete()
    {
        Kill();
        _process?.Dispose();
        _process = null;
        if (_location is not null && Directory.Exists(_location))
        {
            Directory.Delete(_location, recursive: true);
        }
    }

    private void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
    }

    private void Signal(string signal) => ProcessSignals.Send(ProcessId, signal);

    /// <summary>A short unique name usable as a table or queue prefix (letters and digits only).</summary>
    public static string UniqueName(string prefix = "t") => prefix + Guid.NewGuid().ToString("N")[..12];

    private static async Task<bool> CanConnectAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private sealed class SignalRegistrations(params PosixSignalRegistration[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
