using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using LinX.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Local.Tests.Gateway;

/// <summary>
/// The real local host for the browser tests, configured as <see cref="LocalHostFixture"/> (in-process, free loopback
/// port, its own in-memory Azurite, the embedded durable runtime, the dev SMS inbox) with one difference: its
/// <see cref="TimeProvider"/> is an <see cref="AdjustableClock"/>. Every LinX service and the durable runtime take
/// the clock from DI, so moving it is how a test reaches an expiry.
/// </summary>
public sealed class GatewayHostFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private WebApplication? _app;

    public AdjustableClock Clock { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>A client authenticated as the demo business.</summary>
    public HttpClient Business { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        var demoKey = "linx_test_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = BaseUrl,
            ["LinX:PublicBaseUrl"] = BaseUrl,
            ["LinX:Storage:ConnectionString"] = _azurite.ConnectionString,
            ["LinX:Storage:TablePrefix"] = AzuriteFixture.UniqueName("gw"),
            ["LinX:Durable:ConnectionString"] = _azurite.ConnectionString,
            ["LinX:Durable:TaskHub"] = AzuriteFixture.UniqueName("gwhub"),
            ["LinX:Durable:MinPollingInterval"] = "00:00:00.020",
            ["LinX:Durable:MaxPollingInterval"] = "00:00:00.250",
            ["LinX:Security:DataKey"] = Key(),
            ["LinX:Security:LinkKey"] = Key(),
            ["LinX:Security:FingerprintKey"] = Key(),
            ["LinX:Demo:ApiKey"] = demoKey,
            ["LinX:DevSmsInbox"] = "true",
            ["LinX:Azurite:AutoStart"] = "false",
        };
        _app = LinxLocalApplication.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            // Registered before LinX's own TryAddSingleton(TimeProvider.System), so every service gets this clock.
            builder.Services.AddSingleton<TimeProvider>(Clock);
        });
        await _app.StartAsync();
        Business = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        Business.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", demoKey);
    }

    public async Task DisposeAsync()
    {
        Business?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
