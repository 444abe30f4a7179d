using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using LinX.Core.Businesses;
using LinX.Core.Notifications;
using LinX.Core.Security;
using LinX.Local;
using LinX.Local.Demo;
using LinX.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Local.Tests;

/// <summary>
/// The real local host, in-process on a free loopback port, on its own Azurite (in memory): real HTTP, real
/// storage, the Durable Task engine on its Azure Storage backend. Shared by the tests of the "LocalHost" collection; each test makes its
/// own workflows (and its own business when it counts rows).
/// </summary>
public class LocalHostFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private WebApplication? _app;

    /// <summary>The secret header value of the test host's Event Grid subscription (its SHA-256 is configured).</summary>
    public const string EventGridSecret = "linx-test-event-grid-secret";

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>A client authenticated as the demo business.</summary>
    public HttpClient Business { get; private set; } = null!;

    /// <summary>An anonymous client (the customer's browser, or an attacker).</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        BaseUrl = $"http://127.0.0.1:{Ports.Free()}";
        var demoKey = "linx_test_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = BaseUrl,
            ["LinX:PublicBaseUrl"] = BaseUrl,
            ["LinX:Storage:ConnectionString"] = _azurite.ConnectionString,
            ["LinX:Storage:TablePrefix"] = AzuriteFixture.UniqueName("lx"),
            ["LinX:Durable:ConnectionString"] = _azurite.ConnectionString,
            ["LinX:Durable:TaskHub"] = AzuriteFixture.UniqueName("hub"),
            ["LinX:Durable:PartitionCount"] = "2",
            ["LinX:Durable:MaxQueuePollingInterval"] = "00:00:00.100",
            ["LinX:Security:DataKey"] = Key(),
            ["LinX:Security:LinkKey"] = Key(),
            ["LinX:Security:FingerprintKey"] = Key(),
            ["LinX:Demo:ApiKey"] = demoKey,
            ["LinX:DevSmsInbox"] = "true",
            ["LinX:Azurite:AutoStart"] = "false",
            ["LinX:Webhooks:AllowLoopback"] = "true",
            ["LinX:Webhooks:FirstRetryDelay"] = "00:00:00.100",
            ["LinX:Webhooks:MaxRetryDelay"] = "00:00:00.500",
            ["LinX:InboundSms:SecretHashes"] = Hashing.Sha256Hex(EventGridSecret),
        };
        _app = LinxLocalApplication.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            ConfigureServices(builder.Services);
        });
        await _app.StartAsync();
        Business = NewClient(demoKey);
        Anonymous = NewClient(null);
    }

    public async Task DisposeAsync()
    {
        Business?.Dispose();
        Anonymous?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    /// <summary>Services registered before LinX's own (which are TryAdd), e.g. a test clock.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>A client with the given API key (none when null); cookies are kept per client.</summary>
    public HttpClient NewClient(string? apiKey)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(BaseUrl),
        };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    /// <summary>Registers another business (another tenant) and returns a client with its API key.</summary>
    public async Task<(Business Business, HttpClient Client)> CreateBusinessAsync(string name)
    {
        var business = new Business(Guid.NewGuid(), name, DateTimeOffset.UtcNow);
        var key = ApiKeyAuthenticator.NewApiKey();
        await Services.GetRequiredService<IBusinessStore>().UpsertAsync(business, CancellationToken.None);
        await Services.GetRequiredService<IApiKeyStore>().CreateAsync(
            BusinessApiKey.For(key, Guid.NewGuid(), business.BusinessId, "API key", DateTimeOffset.UtcNow, null), CancellationToken.None);
        return (business, NewClient(key));
    }

    /// <summary>The SMS captured for a phone number (newest first), from the dev inbox over HTTP.</summary>
    public async Task<IReadOnlyList<JsonElement>> SmsToAsync(string phoneNumber)
    {
        var messages = await Anonymous.GetFromJsonAsync<JsonElement[]>("/dev/sms.json") ?? [];
        return messages.Where(m => m.GetProperty("to").GetString() == phoneNumber).ToList();
    }

    /// <summary>
    /// The link LinX texts the customer for a created workflow (the create answer does not carry it): what the host's own
    /// link key and public base URL make of the workflow id. Tests then wait for the SMS that carries it.
    /// </summary>
    public string LinkOf(JsonElement created) =>
        Services.GetRequiredService<SmsComposer>().Link(
            Services.GetRequiredService<LinXCrypto>().LinkToken(Guid.Parse(created.GetProperty("workflowId").GetString()!)));

    public async Task<int> SmsCountAsync() => (await Anonymous.GetFromJsonAsync<JsonElement[]>("/dev/sms.json"))?.Length ?? 0;

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

}

[CollectionDefinition(Name)]
public sealed class LocalHostTests : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "LocalHost";
}
