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
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace LinX.Functions.Tests;

/// <summary>
/// The Functions host's container, as <c>Program</c> builds it (<see cref="LinXFunctionsServiceCollectionExtensions.AddLinXFunctions"/>):
/// every function class and everything the functions and LinX.Api's handlers resolve, in an invocation scope with the
/// binding's Durable client, as the worker would.
/// </summary>
public sealed class FunctionsCompositionTests
{
    // Nothing connects to it: building and resolving never touches storage.
    private const string StorageConnectionString = "UseDevelopmentStorage=true";

    /// <summary>
    /// What the host still lacks. <see cref="ISmsSender"/>: the ACS REST sender is being added to LinX.Infrastructure
    /// (<c>AddLinXAcsSms()</c>); until AddLinXFunctions calls it, no SMS can go out in Azure. Once it does, the first
    /// test fails: empty this list, and the second then proves the container complete on its own.
    /// </summary>
    private static readonly Type[] ExpectedMissing = [typeof(ISmsSender)];

    /// <summary>What LinX.Api's handlers resolve from <c>HttpContext.RequestServices</c> when they run.</summary>
    private static readonly Type[] HandlerServices =
    [
        typeof(ApiKeyAuthenticator), typeof(WorkflowService), typeof(GatewayService), typeof(WebhookSubscriptionService),
        typeof(BusinessReadService), typeof(IManagementUrls),
    ];

    [Fact]
    public void Host_AsProgramBuildsIt_LacksExactlyTheExpectedServices()
    {
        using var host = LinXFunctionsApplication.Create([], builder => builder.Configuration.AddInMemoryCollection(Settings()));

        var registered = host.Services.GetRequiredService<IServiceProviderIsService>();

        Assert.Equal(ExpectedMissing, ExpectedMissing.Where(type => !registered.IsService(type)));
    }

    [Fact]
    public async Task Host_WithTheKnownGapsFilled_ValidatesAndResolvesEveryFunctionAndWhatItUses()
    {
        using var host = LinXFunctionsApplication.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(Settings());
            builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
            foreach (var type in ExpectedMissing)
            {
                builder.Services.AddSingleton(type, ((Mock)Activator.CreateInstance(typeof(Mock<>).MakeGenericType(type))!).Object);
            }
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

    private static IServiceCollection NewServices() => FunctionsHostFixture.NewServices(StorageConnectionString, "Composition");

    private static Dictionary<string, string?> Settings() => FunctionsHostFixture.Settings(StorageConnectionString, "Composition");
}
