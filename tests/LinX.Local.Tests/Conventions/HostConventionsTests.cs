using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Azure.Data.Tables;
using LinX.Testing;

namespace LinX.Local.Tests.Conventions;

/// <summary>
/// The built host, run as a developer or a container runs it (<see cref="BuiltHost"/>): it listens where ASP.NET Core's
/// own settings say, texts links to where it listens, starts its own Azurite on the ports it is given and stops it on
/// SIGTERM, and refuses to start on an emulator it did not start. Only free ports: never 7071 or 10000-10002.
/// One class, so its hosts start one after another.
/// </summary>
public sealed class HostConventionsTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AspNetCoreUrls_Only_ListensThereTextsLinksThereAndStopsWithItsAzuriteOnSigterm()
    {
        // Arrange
        var baseUrl = $"http://127.0.0.1:{Ports.Free()}";
        var azurite = BuiltHost.FreeAzuritePorts();
        await AzuriteInstall.EnsureAsync();
        await using var host = BuiltHost.Start(azurite, new Dictionary<string, string> { ["ASPNETCORE_URLS"] = baseUrl });

        // Act
        await host.WaitUntilOkAsync(baseUrl + "/health/ready", StartTimeout);
        await Poll.UntilAsync(() => Task.FromResult(host.DemoKey is not null), StartTimeout, "the demo key to be printed");
        var link = await TextedLinkAsync(baseUrl, host.DemoKey!);
        var azuriteId = host.AzuriteProcessId ?? throw new InvalidOperationException("The host did not say which Azurite it started:\n" + host.Output);
        var azuriteListened = await ListensAsync(azurite.Table);
        var exitCode = await host.TerminateAsync(StopTimeout);

        // Assert: it served on that port with its own Azurite there, its link opens it, and SIGTERM left no process behind.
        Assert.True(azuriteListened, "the host's Azurite listened on its configured table port");
        Assert.StartsWith(baseUrl + "/linx/", link, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
        await Poll.UntilAsync(() => Task.FromResult(!ProcessSignals.IsAlive(azuriteId)), StopTimeout, $"Azurite (pid {azuriteId}) to have stopped");
        Assert.False(await ListensAsync(azurite.Table));
    }

    [Fact]
    public async Task UrlsArgument_Only_ListensThere()
    {
        var baseUrl = $"http://127.0.0.1:{Ports.Free()}";
        await AzuriteInstall.EnsureAsync();
        await using var host = BuiltHost.Start(BuiltHost.FreeAzuritePorts(), new Dictionary<string, string>(), "--urls", baseUrl);

        await host.WaitUntilOkAsync(baseUrl + "/health/ready", StartTimeout);
        var exitCode = await host.TerminateAsync(StopTimeout);

        Assert.Equal(0, exitCode);
        Assert.Contains("Now listening on: " + baseUrl, host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForeignAzuriteOnItsPorts_RefusesToStartWithWhatToDoAndLeavesItUntouched()
    {
        // Arrange: an Azurite this test started, on the ports the host is told to start its own on.
        await using var foreign = new AzuriteFixture();
        await foreign.InitializeAsync();
        var tables = new TableServiceClient(foreign.ConnectionString);
        var before = await NamesAsync(tables);

        // Act
        await using var host = BuiltHost.Start(
            (foreign.BlobPort, foreign.QueuePort, foreign.TablePort),
            new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Ports.Free()}" });
        var exitCode = await host.WaitForExitAsync(StopTimeout);

        // Assert: a non-zero exit naming the port and the three ways out; the foreign emulator still answers, unchanged.
        Assert.NotEqual(0, exitCode);
        Assert.Contains($"something already listens on 127.0.0.1:{foreign.BlobPort} (LinX:Azurite:BlobPort)", host.Output, StringComparison.Ordinal);
        Assert.Contains("Stop that process, pick free ports", host.Output, StringComparison.Ordinal);
        Assert.Contains("LinX:Azurite:AutoStart=false", host.Output, StringComparison.Ordinal);
        Assert.Null(host.AzuriteProcessId);
        Assert.Equal(before, await NamesAsync(tables));
        Assert.True(ProcessSignals.IsAlive(foreign.ProcessId));
    }

    /// <summary>Posts seed example 1 with the demo key; returns the link of its SMS in the dev inbox.</summary>
    private static async Task<string> TextedLinkAsync(string baseUrl, string demoKey)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", demoKey);
        var (response, created) = await CustomerScript.PostWorkflowAsync(client, CustomerScript.Seed(1));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var workflowId = created.GetProperty("workflowId").GetString();
        var sms = await Poll.UntilAsync<JsonElement?>(
            async () => (await client.GetFromJsonAsync<JsonElement[]>("/dev/sms.json"))?.FirstOrDefault(m => m.GetProperty("workflowId").GetString() == workflowId),
            m => m is { ValueKind: JsonValueKind.Object },
            StartTimeout,
            "the workflow's SMS");
        var link = sms!.Value.GetProperty("link").GetString()!;
        using var page = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return link;
    }

    private static async Task<List<string>> NamesAsync(TableServiceClient tables)
    {
        var names = new List<string>();
        await foreach (var table in tables.QueryAsync())
        {
            names.Add(table.Name);
        }

        return names;
    }

    /// <summary>Whether anything accepts connections on 127.0.0.1:<paramref name="port"/>.</summary>
    private static async Task<bool> ListensAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
