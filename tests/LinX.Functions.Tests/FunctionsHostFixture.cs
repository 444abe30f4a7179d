using System.Security.Cryptography;
using LinX.Core.Businesses;
using LinX.Core.Security;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Sms;
using LinX.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LinX.Functions.Tests;

/// <summary>
/// The Functions host's service container, built by <see cref="LinXFunctionsServiceCollectionExtensions.AddLinXFunctions"/>
/// as <c>Program</c> builds it, on its own Azurite (in memory) with the demo business seeded. Tests run functions in
/// invocations of their own (<see cref="NewInvocation"/>). SMS go to the dev inbox (<see cref="Sms"/>,
/// <c>LinX:Sms:Provider=DevInbox</c>); <see cref="FunctionsCompositionTests"/> builds the host with ACS, as in Azure.
/// </summary>
public sealed class FunctionsHostFixture : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://linx.example.test";

    private readonly AzuriteFixture _azurite = new();
    private ServiceProvider? _services;

    /// <summary>The demo business's API key.</summary>
    public string ApiKey { get; } = ApiKeyAuthenticator.NewApiKey();

    /// <summary>The SMS the host sent.</summary>
    /// <summary>The secret header value of the Event Grid subscription (its SHA-256 is configured).</summary>
    public const string EventGridSecret = "linx-functions-test-event-grid-secret";

    public DevSmsInbox Sms => Services.GetRequiredService<DevSmsInbox>();

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        var services = NewServices(
            _azurite.ConnectionString, AzuriteFixture.UniqueName("fx"), new Dictionary<string, string?>
            {
                ["LinX:Sms:Provider"] = nameof(SmsProvider.DevInbox),
                ["LinX:InboundSms:SecretHashes"] = Hashing.Sha256Hex(EventGridSecret),
            });
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        await DemoData.SeedAsync(_services, ApiKey, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    /// <summary>
    /// The Functions host's registrations (<see cref="LinXFunctionsServiceCollectionExtensions.AddLinXFunctions"/>) with
    /// the configuration and logging the worker supplies, over the given storage, with <paramref name="overrides"/> on
    /// top of <see cref="Settings"/>. Nothing connects until a store is used.
    /// </summary>
    public static IServiceCollection NewServices(string storageConnectionString, string tablePrefix, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Settings(storageConnectionString, tablePrefix))
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddLinXFunctions(configuration);
    }

    /// <summary>The app settings LinX needs (what the function app's configuration holds in Azure).</summary>
    public static Dictionary<string, string?> Settings(string storageConnectionString, string tablePrefix) => new()
    {
        ["LinX:PublicBaseUrl"] = PublicBaseUrl,
        ["LinX:Storage:ConnectionString"] = storageConnectionString,
        ["LinX:Storage:TablePrefix"] = tablePrefix,
        ["LinX:Security:DataKey"] = Key(),
        ["LinX:Security:LinkKey"] = Key(),
        ["LinX:Security:FingerprintKey"] = Key(),
        // Webhook receivers in these tests are loopback listeners of the test itself.
        ["LinX:Webhooks:AllowLoopback"] = "true",
    };

    /// <summary>A new invocation: its own DI scope and Durable client, as the worker gives each function call.</summary>
    public FunctionInvocation NewInvocation() => new(Services.CreateAsyncScope());

    /// <summary>Registers another business (another tenant) and returns its id and API key.</summary>
    public async Task<(Guid BusinessId, string ApiKey)> CreateBusinessAsync(string name)
    {
        var business = new Business(Guid.NewGuid(), name, DateTimeOffset.UtcNow);
        var key = ApiKeyAuthenticator.NewApiKey();
        await Services.GetRequiredService<IBusinessStore>().UpsertAsync(business, CancellationToken.None);
        await Services.GetRequiredService<IApiKeyStore>().CreateAsync(
            BusinessApiKey.For(key, Guid.NewGuid(), business.BusinessId, "API key", DateTimeOffset.UtcNow, null), CancellationToken.None);
        return (business.BusinessId, key);
    }

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
