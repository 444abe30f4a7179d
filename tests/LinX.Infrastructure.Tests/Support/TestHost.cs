using System.Security.Cryptography;
using LinX.Core;
using LinX.Core.Businesses;
using LinX.Core.Orchestration;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Sms;
using LinX.Infrastructure.Storage;
using LinX.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LinX.Infrastructure.Tests.Support;

/// <summary>
/// LinX.Core + LinX.Infrastructure wired as a host would, against Azurite with a unique table prefix, a fake clock,
/// the dev SMS inbox, the sandbox processor, a recording orchestration client and a capturing logger.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    public const string DemoApiKey = "linx_test_demo_key_0123456789";

    private TestHost(ServiceProvider services, string prefix)
    {
        Services = services;
        Prefix = prefix;
    }

    public ServiceProvider Services { get; }

    public string Prefix { get; }

    public FakeTimeProvider Time => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    public RecordingOrchestrationClient Orchestrations => (RecordingOrchestrationClient)Services.GetRequiredService<IOrchestrationClient>();

    public CapturingLoggerProvider Logs => Services.GetRequiredService<CapturingLoggerProvider>();

    public DevSmsInbox Sms => Services.GetRequiredService<DevSmsInbox>();

    public TableStorage Tables => Services.GetRequiredService<TableStorage>();

    public Business DemoBusiness { get; private set; } = null!;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public static async Task<TestHost> StartAsync(AzuriteFixture azurite)
    {
        var prefix = AzuriteFixture.UniqueName("x");
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
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(logs)
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)))
            .AddSingleton<IOrchestrationClient, RecordingOrchestrationClient>()
            .AddLinXCore()
            .AddLinXTableStorage()
            .AddLinXDevSms()
            .AddLinXSandboxPayments()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = false });
        var host = new TestHost(services, prefix);
        await host.Tables.CreateTablesAsync(CancellationToken.None);
        host.DemoBusiness = await DemoData.SeedAsync(services, DemoApiKey, CancellationToken.None);
        return host;
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
