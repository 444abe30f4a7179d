using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace LinX.Testing;

/// <summary>
/// Azurite from the repository's node_modules, installed on first use with <c>npm ci --no-audit --no-fund</c> at the
/// repository root, as LinX.Local does. Test assemblies run in parallel processes: a file lock lets one of them run
/// npm ci while the others wait for it, and then find Azurite installed.
/// </summary>
public static class AzuriteInstall
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly SemaphoreSlim InThisProcess = new(1, 1);

    /// <summary>Where Azurite's entry point is once installed.</summary>
    public static string Script { get; } = Path.Combine(RepoPaths.Root, "node_modules", "azurite", "dist", "src", "azurite.js");

    /// <summary>Installs Azurite unless it is; returns <see cref="Script"/>.</summary>
    public static async Task<string> EnsureAsync()
    {
        if (File.Exists(Script))
        {
            return Script;
        }

        await InThisProcess.WaitAsync();
        try
        {
            using var otherProcesses = await LockAsync();
            if (!File.Exists(Script))
            {
                await NpmCiAsync();
            }
        }
        finally
        {
            InThisProcess.Release();
        }

        return File.Exists(Script) ? Script : throw new InvalidOperationException($"npm ci ran but Azurite is not at {Script}: check package.json.");
    }

    /// <summary>
    /// An exclusive lock on a file named after the repository (in the temp folder: npm ci deletes node_modules). .NET
    /// takes FileShare.None as an advisory lock (flock) that other .NET processes respect, and the system drops it when
    /// the process ends, however it ends.
    /// </summary>
    private static async Task<FileStream> LockAsync()
    {
        var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(RepoPaths.Root)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"linx-npm-ci-{name}.lock");
        FileStream? stream = null;
        await Poll.UntilAsync(
            () =>
            {
                try
                {
                    stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    return Task.FromResult(true);
                }
                catch (IOException)
                {
                    return Task.FromResult(false); // another test assembly is installing
                }
            },
            InstallTimeout,
            "another test run's npm ci to finish");
        return stream!;
    }

    private static async Task NpmCiAsync()
    {
        var start = new ProcessStartInfo("npm") { WorkingDirectory = RepoPaths.Root, UseShellExecute = false, ArgumentList = { "ci", "--no-audit", "--no-fund" } };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("Azurite is not installed and npm was not found: the tests need Node 20+ with npm on the PATH.", e);
        }

        using (process)
        {
            using var deadline = new CancellationTokenSource(InstallTimeout);
            await process.WaitForExitAsync(deadline.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"'npm ci --no-audit --no-fund' in {RepoPaths.Root} failed with exit code {process.ExitCode}.");
            }
        }
    }
}
