using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using LinX.Core.Businesses;
using LinX.Core.Security;
using LinX.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Local.Tests.Security;

/// <summary>
/// The real local host, in-process, with short deadlines (<see cref="StorageTimeout"/> a try, one retry,
/// <see cref="RequestTimeout"/> a request) on two Azurites of its own, on disk, which the tests stop, restart, freeze and
/// thaw: <see cref="Tables"/> for LinX's tables and <see cref="TaskHub"/> for the durable backend. Two, so that a test
/// can fail the durable backend alone, after a workflow's row is written and before its orchestration is scheduled.
/// </summary>
public sealed class StorageFaultHostFixture : IAsyncLifetime
{
    public const int StorageMaxRetries = 1;

    public static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    private WebApplication? _app;

    public AzuriteFixture Tables { get; } = AzuriteFixture.OnDisk();

    public AzuriteFixture TaskHub { get; } = AzuriteFixture.OnDisk();

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The fixture is not initialized.");

    private string BaseUrl { get; set; } = string.Empty;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Tables.InitializeAsync(), TaskHub.InitializeAsync());
        BaseUrl = $"http://127.0.0.1:{Ports.Free()}";
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = BaseUrl,
            ["LinX:PublicBaseUrl"] = BaseUrl,
            ["LinX:RequestTimeout"] = RequestTimeout.ToString("c", CultureInfo.InvariantCulture),
            ["LinX:Storage:ConnectionString"] = Tables.ConnectionString,
            ["LinX:Storage:TablePrefix"] = AzuriteFixture.UniqueName("lx"),
            ["LinX:Storage:Timeout"] = StorageTimeout.ToString("c", CultureInfo.InvariantCulture),
            ["LinX:Storage:MaxRetries"] = StorageMaxRetries.ToString(CultureInfo.InvariantCulture),
            ["LinX:Durable:ConnectionString"] = TaskHub.ConnectionString,
            ["LinX:Durable:TaskHub"] = AzuriteFixture.UniqueName("hub"),
            ["LinX:Durable:PartitionCount"] = "1",
            ["LinX:Durable:MaxQueuePollingInterval"] = "00:00:00.100",
            ["LinX:Security:DataKey"] = Key(),
            ["LinX:Security:LinkKey"] = Key(),
            ["LinX:Security:FingerprintKey"] = Key(),
            ["LinX:Demo:Seed"] = "false",
            ["LinX:Azurite:AutoStart"] = "false",
        };
        _app = LinxLocalApplication.Create([], builder => builder.Configuration.AddInMemoryCollection(settings));
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Task.WhenAll(Tables.DisposeAsync(), TaskHub.DisposeAsync());
    }

    /// <summary>A client with no key (the health endpoints need none).</summary>
    public HttpClient NewClient() => new() { BaseAddress = new Uri(BaseUrl) };

    /// <summary>A new business (its workflow list starts empty) and a client with its API key.</summary>
    public async Task<HttpClient> NewBusinessAsync()
    {
        var business = new Business(Guid.NewGuid(), "Storage faults", DateTimeOffset.UtcNow);
        var key = ApiKeyAuthenticator.NewApiKey();
        await Services.GetRequiredService<IBusinessStore>().UpsertAsync(business, CancellationToken.None);
        await Services.GetRequiredService<IApiKeyStore>().CreateAsync(
            BusinessApiKey.For(key, Guid.NewGuid(), business.BusinessId, "API key", DateTimeOffset.UtcNow, null), CancellationToken.None);
        var client = NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
