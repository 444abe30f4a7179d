using System.Security.Cryptography;
using LinX.Core;
using LinX.Core.Businesses;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Sms;
using LinX.Infrastructure.Storage;
using LinX.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LinX.Infrastructure.Tests.Support;

/// <summary>
/// LinX.Core + LinX.Infrastructure wired as a host would, against Azurite with a unique table prefix, the dev SMS
/// inbox, the sandbox processor and a capturing logger; by default with a fake clock and a
/// <see cref="RecordingDurableTaskClient"/>, or on the SDK's engine (<see cref="DurableEngine"/>) with the real clock.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    public const string DemoApiKey = "linx_test_demo_key_0123456789";

    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly IAsyncDisposable _owner;

    private TestHost(IServiceProvider services, IAsyncDisposable owner, string prefix)
    {
        Services = services;
        _owner = owner;
        Prefix = prefix;
    }

    public IServiceProvider Services { get; }

    public string Prefix { get; }

    public FakeTimeProvider Time => (FakeTimeProvider)Get<TimeProvider>();

    public RecordingDurableTaskClient Orchestrations => (RecordingDurableTaskClient)Get<DurableTaskClient>();

    public CapturingLoggerProvider Logs => Get<CapturingLoggerProvider>();

    public DevSmsInbox Sms => Get<DevSmsInbox>();

    public TableStorage Tables => Get<TableStorage>();

    public Business DemoBusiness { get; private set; } = null!;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Starts the host, with <paramref name="durable"/> on the SDK's engine, and seeds the demo business.</summary>
    public static async Task<TestHost> StartAsync(AzuriteFixture azurite, bool durable = false)
    {
        var prefix = AzuriteFixture.UniqueName("x");
        TestHost host;
        if (durable)
        {
            var engine = await DurableEngine.StartAsync(services => AddLinX(services, azurite, prefix));
            host = new TestHost(engine.Services, engine, prefix);
        }
        else
        {
            var services = new ServiceCollection()
                .AddSingleton<TimeProvider>(new FakeTimeProvider(Start))
                .AddSingleton<DurableTaskClient, RecordingDurableTaskClient>();
            var provider = AddLinX(services, azurite, prefix)
                .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = false });
            host = new TestHost(provider, provider, prefix);
        }

        await host.Tables.CreateTablesAsync(CancellationToken.None);
        host.DemoBusiness = await DemoData.SeedAsync(host.Services, DemoApiKey, CancellationToken.None);
        return host;
    }

    public ValueTask DisposeAsync() => _owner.DisposeAsync();

    private static IServiceCollection AddLinX(IServiceCollection services, AzuriteFixture azurite, string prefix)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LinX:PublicBaseUrl"] = "https://linx.example.test",
            ["LinX:Security:DataKey"] = Key(),
            ["LinX:Security:LinkKey"] = Key(),
            ["LinX:Security:FingerprintKey"] = Key(),
            ["LinX:Storage:ConnectionString"] = azurite.ConnectionString,
            ["LinX:Storage:TablePrefix"] = prefix,
        }).Build();
        var logs = new CapturingLoggerProvider();
        return services
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(logs)
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddLinXCore()
            .AddLinXTableStorage()
            .AddLinXDevSms()
            .AddLinXSandboxPayments()
            .AddLinXWebhookSender();
    }

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
