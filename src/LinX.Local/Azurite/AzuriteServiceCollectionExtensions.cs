using LinX.Infrastructure.Storage;
using LinX.Local.Durable;
using Microsoft.Extensions.Options;

namespace LinX.Local.Azurite;

/// <summary>Registration of the Azurite the local host starts for itself.</summary>
public static class AzuriteServiceCollectionExtensions
{
    /// <summary>
    /// Adds section <c>LinX:Azurite</c> (validated at start) and <see cref="AzuriteLauncher"/>, and points the storage and
    /// durable connection strings that say <see cref="AzuriteOptions.DevelopmentStorage"/> at its ports. Register it first:
    /// hosted services start in registration order, and Azurite must answer before the tables and the task hub are made.
    /// </summary>
    public static IServiceCollection AddLinXAzurite(this IServiceCollection services)
    {
        services.AddOptions<AzuriteOptions>().BindConfiguration(AzuriteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LinXStorageOptions>().PostConfigure<IOptions<AzuriteOptions>>(
            (storage, azurite) => storage.ConnectionString = azurite.Value.Resolve(storage.ConnectionString));
        services.AddOptions<DurableTaskHubOptions>().PostConfigure<IOptions<AzuriteOptions>>(
            (hub, azurite) => hub.ConnectionString = azurite.Value.Resolve(hub.ConnectionString) ?? string.Empty);
        services.AddHostedService<AzuriteLauncher>();
        return services;
    }
}
