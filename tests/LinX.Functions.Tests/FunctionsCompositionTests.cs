using System.Text.Json;
using Azure.Core.Serialization;
using LinX.Api.Management;
using LinX.Core.Activities;
using LinX.Core.Businesses;
using LinX.Core.Gateway;
using LinX.Core.Management;
using LinX.Core.Notifications;
using LinX.Core.Orchestration;
using LinX.Core.Webhooks;
using LinX.Functions.Durable;
using LinX.Functions.Management;
using LinX.Infrastructure.Sms;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace LinX.Functions.Tests;

/// <summary>
/// The Functions host's container, as <c>Program</c> builds it (<see cref="LinXFunctionsServiceCollectionExtensions.AddLinXFunctions"/>)
/// with the app settings <c>infra/</c> gives it in Azure (ACS with the managed identity, fake values): every function
/// class and everything the functions and LinX.Api's handlers resolve, in an invocation scope with the binding's
/// Durable client, as the worker would. Nothing is filled in by the test: a missing registration fails it.
/// </summary>
public sealed class FunctionsCompositionTests
{
    // Nothing connects to it: building and resolving never touches storage.
    private const string StorageConnectionString = "UseDevelopmentStorage=true";

    /// <summary>The SMS settings of the function app in Azure (infra/modules/functionapp.bicep); fake values, never called.</summary>
    private static readonly Dictionary<string, string?> AzureSms = new()
    {
        ["LinX:Sms:Provider"] = "Acs",
        ["LinX:Sms:Acs:Endpoint"] = "https://acs-linx-composition.communication.azure.com",
        ["LinX:Sms:Acs:From"] = "+18005550100",
    };

    /// <summary>What LinX.Api's handlers resolve from <c>HttpContext.RequestServices</c> when they run.</summary>
    private static readonly Type[] HandlerServices =
    [
        typeof(ApiKeyAuthenticator), typeof(WorkflowService), typeof(GatewayService), typeof(WebhookSubscriptionService),
        typeof(BusinessReadService), typeof(IManagementUrls),
    ];

    [Fact]
    public void Host_AnAppSettingTurningTimeTravelOn_StillCreatesWorkflowsWithoutIt()
    {
        var settings = Settings();
        settings["LinX:DevTimeTravel"] = "true";
        using var host = LinXFunctionsApplication.Create([], builder => builder.Configuration.AddInMemoryCollection(settings));

        Assert.False(host.Services.GetRequiredService<IOptions<LinX.Core.LinXOptions>>().Value.DevTimeTravel);
    }

    [Fact]
    public void Host_WithTheAzureSettings_SendsSmsThroughAcs()
    {
        using var host = LinXFunctionsApplication.Create([], builder => builder.Configuration.AddInMemoryCollection(Settings()));

        host.Services.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<AcsSmsSender>(host.Services.GetRequiredService<ISmsSender>());
        Assert.False(host.Services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(DevSmsInbox)));
    }

    [Fact]
    public void Host_WithoutAnySmsSetting_ChoosesAcsAndRefusesToStartWithoutItsEndpoint()
    {
        using var host = LinXFunctionsApplication.Create([], builder =>
            builder.Configuration.AddInMemoryCollection(FunctionsHostFixture.Settings(StorageConnectionString, "Composition")));

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_AsProgramBuildsIt_ValidatesAndResolvesEveryFunctionAndWhatItUses()
    {
        using var host = LinXFunctionsApplication.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(Settings());
            builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        });
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        await using var invocation = host.Services.CreateAsyncScope();
        var bound = DurableBinding.Wrap(new Mock<DurableTaskClient>(MockBehavior.Strict, "linx").Object);
        invocation.ServiceProvider.GetRequiredService<DurableClientBinding>().Bind(bound);

        Assert.NotEmpty(FunctionClasses.Instantiated);
        foreach (var functionClass in FunctionClasses.Instantiated)
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(invocation.ServiceProvider, functionClass));
        }

        foreach (var type in HandlerServices.Concat(ActivityCatalog.All.Select(a => a.ImplementationType)))
        {
            Assert.NotNull(invocation.ServiceProvider.GetRequiredService(type));
        }

        // Every service AddLinXFunctions registers (the worker's own need the Functions host's startup arguments).
        foreach (var descriptor in NewServices().Where(d => !d.ServiceType.IsGenericTypeDefinition))
        {
            Assert.NotNull(invocation.ServiceProvider.GetService(descriptor.ServiceType));
        }

        Assert.Same(bound, invocation.ServiceProvider.GetRequiredService<DurableTaskClient>());
        Assert.IsType<FunctionsManagementUrls>(invocation.ServiceProvider.GetRequiredService<IManagementUrls>());
    }

    [Fact]
    public void WorkerSerializer_DurablePayloads_AreWebJsonAsOnTheLocalHost()
    {
        using var provider = NewServices().BuildServiceProvider();

        var serializer = provider.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer;

        var json = Assert.IsType<JsonObjectSerializer>(serializer).Serialize(new PendingWebhooksInput(Guid.Empty, Guid.Empty, Guid.Empty)).ToString();
        using var document = JsonDocument.Parse(json);
        Assert.Equal(["businessId", "subscriptionId", "workflowId"], document.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void ActivityFunctions_EveryCatalogActivity_HasAFunctionOfItsNameAndInput()
    {
        var functions = FunctionClasses.Methods.ToDictionary(FunctionClasses.NameOf, StringComparer.Ordinal);

        foreach (var activity in ActivityCatalog.All)
        {
            Assert.True(functions.TryGetValue(activity.Name, out var method), $"No function for activity {activity.Name}.");
            var trigger = Assert.Single(method.GetParameters(), p => p.GetCustomAttributes(typeof(ActivityTriggerAttribute), false).Length > 0);
            Assert.Equal(activity.InputType, trigger.ParameterType);
        }

        Assert.Contains(LinxOrchestration.Name, functions.Keys);
        Assert.Contains(WebhookDispatchOrchestration.Name, functions.Keys);
    }

    private static IServiceCollection NewServices() => FunctionsHostFixture.NewServices(StorageConnectionString, "Composition", AzureSms);

    private static Dictionary<string, string?> Settings() =>
        new(FunctionsHostFixture.Settings(StorageConnectionString, "Composition").Concat(AzureSms));
}
