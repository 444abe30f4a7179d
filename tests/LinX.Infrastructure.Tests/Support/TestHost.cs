using System.Security.Cryptography;
using LinX.Core;
using LinX.Core.Activities;
using LinX.Core.Businesses;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;
using LinX.Durable.Hosting;
using LinX.Durable.Worker;
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

    /// <summary>
    /// Starts the host. With <paramref name="durable"/> the orchestration client is LinX.Durable on Azurite (its
    /// worker running, real clock); otherwise a recording client and a fake clock.
    /// </summary>
    public static async Task<TestHost> StartAsync(AzuriteFixture azurite, bool durable = false)
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
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        if (durable)
        {
            var runtime = services.AddSingleton(TimeProvider.System).AddLinXDurable(o =>
            {
                o.ConnectionString = azurite.ConnectionString;
                o.TaskHub = prefix.ToLowerInvariant();
                o.MinPollingInterval = TimeSpan.FromMilliseconds(10);
                o.MaxPollingInterval = TimeSpan.FromMilliseconds(200);
            });
            runtime.AddOrchestrator<WorkflowResult>(LinxOrchestration.Name, LinxOrchestration.RunAsync)
                .AddActivity<SendNotificationActivity, SendNotificationInput, SendNotificationOutput>(ActivityNames.SendNotification)
                .AddActivity<CreateCustomerAccountActivity, CreateCustomerAccountInput, StepActivityOutput>(ActivityNames.CreateCustomerAccount)
                .AddActivity<LookupProfileActivity, LookupInput, StepActivityOutput>(ActivityNames.LookupProfile)
                .AddActivity<CreateFinancialAccountActivity, CreateFinancialAccountInput, StepActivityOutput>(ActivityNames.CreateFinancialAccount)
                .AddActivity<LookupFinancialAccountActivity, LookupInput, StepActivityOutput>(ActivityNames.LookupFinancialAccount)
                .AddActivity<MoveMoneyActivity, MoveMoneyInput, TransactionOutput>(ActivityNames.MoveMoney)
                .AddActivity<SettleTransactionActivity, SettleTransactionInput, TransactionOutput>(ActivityNames.SettleTransaction)
                .AddActivity<UpdateWorkflowStatusActivity, WorkflowStatusUpdate, bool>(ActivityNames.UpdateWorkflowStatus);
        }
        else
        {
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)))
                .AddSingleton<IOrchestrationClient, RecordingOrchestrationClient>();
        }

        var provider = services
            .AddLinXCore()
            .AddLinXTableStorage()
            .AddLinXDevSms()
            .AddLinXSandboxPayments()
            .AddLinXWebhookSender()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = false });
        var host = new TestHost(provider, prefix);
        await host.Tables.CreateTablesAsync(CancellationToken.None);
        host.DemoBusiness = await DemoData.SeedAsync(provider, DemoApiKey, CancellationToken.None);
        if (durable)
        {
            await provider.GetRequiredService<DurableWorker>().StartAsync(CancellationToken.None);
        }

        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (Services.GetService<DurableWorker>() is { } worker)
        {
            await worker.StopAsync(CancellationToken.None);
        }

        await Services.DisposeAsync();
    }

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
